package dev.kafkaspool.engine.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * The user this process runs as, as the filesystem names file owners. {@code user.name} is no
 * guide in a container started with an arbitrary user id and no passwd entry; the owner of
 * {@code /proc/self} is, on Linux. Elsewhere, the owner of a file the process creates and deletes
 * at once in a directory it may write to.
 */
final class ProcessUser {
    private static final Path PROC_SELF = Path.of("/proc/self");

    private ProcessUser() {
    }

    /** @param writable a directory to create the probe file in where {@code /proc} is missing */
    static UserPrincipal of(Path writable) throws IOException {
        if (Files.isDirectory(PROC_SELF)) {
            return Files.getOwner(PROC_SELF);
        }
        Path probe = Files.createTempFile(writable, ".kafka-spool-owner", null);
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
