package dev.kafkaspool.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What tells one version of a file from the next, found without reading it: the real path after
 * following symbolic links, the file key (device and inode), size and last-modified time. Kubernetes
 * updates a downward API volume by writing a new hidden directory and swapping the {@code ..data}
 * link to it, so the real path of {@code labels} changes with every update; a file written in place
 * changes its size or time.
 */
final class FileVersion {
    /** The file does not exist. */
    static final FileVersion ABSENT = new FileVersion("absent", null, -1, null);

    private final String realPath;
    private final Object fileKey;
    private final long size;
    private final FileTime lastModified;

    private FileVersion(String realPath, Object fileKey, long size, FileTime lastModified) {
        this.realPath = realPath;
        this.fileKey = fileKey;
        this.size = size;
        this.lastModified = lastModified;
    }

    /** The current version; {@link #ABSENT} when missing, an "unreadable" version on other errors. Never throws. */
    static FileVersion of(Path file) {
        try {
            Path real = file.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            return new FileVersion(real.toString(), attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (IOException | RuntimeException e) {
            return new FileVersion("unreadable: " + e, null, -1, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileVersion)) {
            return false;
        }
        FileVersion other = (FileVersion) o;
        return realPath.equals(other.realPath) && Objects.equals(fileKey, other.fileKey) && size == other.size
                && Objects.equals(lastModified, other.lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realPath, fileKey, size, lastModified);
    }

    @Override
    public String toString() {
        return realPath + " (" + size + " bytes, modified " + lastModified + ")";
    }
}
