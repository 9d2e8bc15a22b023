package dev.kafkaspool.pod;


import dev.kafkaspool.engine.StatusListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds the current pod metadata and reads the labels and annotations again when Kubernetes has
 * changed them. It starts no thread: the caller decides which of its threads calls
 * {@link #refresh()} and how often. A refresh that finds nothing changed costs a few file-system
 * lookups (the real path and attributes of two files) and reads nothing.
 *
 * <p>Only the downward API files are read again; environment variables, the namespace and the extra
 * fields stay as first read. Thread-safe: {@link #current()} is a volatile read and refreshes are
 * serialised.
 */
public final class PodMetadataReloader {
    private final PodMetadataSource source;
    private final StatusListener status;
    private final List<Path> files;
    private volatile PodMetadata current;
    /** The versions of the files {@link #current} was read from; {@code null} when a read raced an update. */
    private List<FileVersion> versionsRead;

    /** Reads the metadata once. Never throws. */
    public PodMetadataReloader(PodMetadataSource source, StatusListener status) {
        this.source = Objects.requireNonNull(source);
        this.status = Objects.requireNonNull(status);
        this.files = source.changingFiles();
        synchronized (this) { // publishes versionsRead to the threads that call refresh
            List<FileVersion> before = versions();
            current = source.read(status);
            versionsRead = before.equals(versions()) ? before : null;
        }
    }

    /** The latest snapshot. */
    public PodMetadata current() {
        return current;
    }

    /**
     * Reads the labels and annotations again if their files changed since they were last read.
     * Never throws; problems go to the status listener as warnings.
     *
     * @return whether {@link #current()} changed
     */
    public synchronized boolean refresh() {
        List<FileVersion> before = versions();
        if (before.equals(versionsRead)) {
            return false;
        }
        Map<String, String> labels = source.readLabels(status);
        Map<String, String> annotations = source.readAnnotations(status);
        if (!before.equals(versions())) {
            // Kubernetes swapped the files while they were read; what was read may mix two versions.
            versionsRead = null;
            return false;
        }
        versionsRead = before;
        PodMetadata next = current.withLabelsAndAnnotations(labels, annotations);
        if (next.equals(current)) {
            return false;
        }
        current = next;
        return true;
    }

    private List<FileVersion> versions() {
        List<FileVersion> versions = new ArrayList<>(files.size());
        for (Path file : files) {
            versions.add(FileVersion.of(file));
        }
        return versions;
    }
}
