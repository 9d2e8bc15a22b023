package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How many files and sockets this process holds open, from Linux's {@code /proc/self/fd}: for
 * tests that check a component lets go of its spool files and its connections.
 */
public final class OpenFiles {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    /** The count now; skips the calling test where {@code /proc} does not exist. */
    public static long count() {
        assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
