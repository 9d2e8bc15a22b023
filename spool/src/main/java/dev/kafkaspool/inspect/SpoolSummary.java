package dev.kafkaspool.inspect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a spool directory holds, as {@link SpoolInspection#summary()} saw it: its files, the pending
 * (not yet acknowledged) events, and the committed read position.
 *
 * <p><b>Immutable and thread-safe.</b> A snapshot: the owning process may have moved on since.
 */
public final class SpoolSummary {
    private final Path directory;
    private final Map<String, Long> fileSizes;
    private final long pendingEvents;
    private final long pendingBytes;
    private final Instant oldest;
    private final Instant newest;
    private final String readPosition;
    private final String problem;

    SpoolSummary(Path directory, Map<String, Long> fileSizes, long pendingEvents, long pendingBytes,
                 Instant oldest, Instant newest, String readPosition, String problem) {
        this.directory = directory;
        this.fileSizes = Map.copyOf(fileSizes);
        this.pendingEvents = pendingEvents;
        this.pendingBytes = pendingBytes;
        this.oldest = oldest;
        this.newest = newest;
        this.readPosition = readPosition;
        this.problem = problem;
    }

    public Path directory() {
        return directory;
    }

    /** The names of the files in the directory, sorted. */
    public List<String> files() {
        return fileSizes.keySet().stream().sorted().collect(java.util.stream.Collectors.toList());
    }

    /** The size of a file as the filesystem reports it (spool files are sparse: less may be allocated). */
    public long fileSize(String name) {
        return fileSizes.getOrDefault(name, 0L);
    }

    /** The sum of {@link #fileSize} over all files. */
    public long totalFileBytes() {
        return fileSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events after the committed position: not yet acknowledged by Kafka. */
    public long pendingEvents() {
        return pendingEvents;
    }

    /** The stored size of the pending events. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** The earliest event time among the pending events; null when there are none. */
    public Instant oldestPending() {
        return oldest;
    }

    /** The latest event time among the pending events; null when there are none. */
    public Instant newestPending() {
        return newest;
    }

    /** The committed position, e.g. {@code 20261122-0025.cq4 #41}, or {@code none} when nothing was committed. */
    public String readPosition() {
        return readPosition;
    }

    /** Why counting stopped early (a damaged file), or null when every record was read. */
    public String problem() {
        return problem;
    }
}
