package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, to put in the message of an exception. */
final class LogTail {

    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    /** Up to {@code lines} last lines of {@code file}, or a note saying why there are none. */
    static String of(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(" + file + " does not exist)";
        }
        try {
            List<String> all = Arrays.asList(readEnd(file).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static String readEnd(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] end = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(end);
            return new String(end, StandardCharsets.UTF_8);
        }
    }
}
