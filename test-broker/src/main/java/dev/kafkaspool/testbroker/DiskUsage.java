package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the files in a directory take on disk, as {@code du} counts them: their allocated blocks,
 * which is what the kubelet counts against an {@code emptyDir}'s {@code sizeLimit}. For tests and
 * benchmarks that check how much room a spool takes.
 */
public final class DiskUsage {
    private DiskUsage() {
    }

    /**
     * The bytes the files in {@code dir} take. A file deleted while {@code du} walks the directory
     * is left out of the total (it is gone), and {@code du} says so on standard error and exits
     * with 1: the total is still what is on disk.
     */
    public static long of(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            du.waitFor();
            if (!out.endsWith(dir.toString())) {
                throw new IllegalStateException("du gave no total for " + dir + ": " + out);
            }
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while du measured " + dir, e);
        }
    }
}
