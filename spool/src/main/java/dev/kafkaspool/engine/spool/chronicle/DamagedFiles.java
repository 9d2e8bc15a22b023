package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.SpoolDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The spool's files that Chronicle Queue cannot open as they are, found before it opens them: a
 * metadata file that is empty or does not start with a table store's header (zeros, random bytes),
 * or missing while spool files are there; a spool file that is empty or does not start with a queue
 * file's header. Chronicle would wait for another process to write the missing header, fail, or
 * silently start afresh; these are moved into a {@code damaged-<time>} directory first, which is
 * created owner-only, and named in the status message. The header check looks for the type names
 * Chronicle Queue writes ({@code STStore}, {@code SCQStore}); an upgrade that renamed them would
 * set every file aside, which the tests that reopen a spool would show.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
public final class DamagedFiles {
    static final String METADATA_FILE = QueueFiles.METADATA_FILE;
    static final String QUEUE_FILE_SUFFIX = QueueFiles.SUFFIX;
    static final String SET_ASIDE_PREFIX = "damaged-";
    /** Chronicle's files start with a header document naming their type within the first bytes. */
    private static final int HEADER_BYTES = 32;
    private static final String METADATA_TYPE = "STStore";
    private static final String QUEUE_FILE_TYPE = "SCQStore";
    private static final DateTimeFormatter SET_ASIDE_NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private DamagedFiles() {
    }

    /**
     * What is wrong with the spool's files in {@code dir}, one entry per damaged file, each naming
     * it; empty when nothing is. A missing metadata file counts only when spool files are there.
     */
    public static List<String> find(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> queueFiles = queueFiles(dir);
        Path metadata = dir.resolve(METADATA_FILE);
        if (!Files.exists(metadata)) {
            if (!queueFiles.isEmpty()) {
                found.add(METADATA_FILE + " is missing");
            }
        } else {
            String problem = problemOf(metadata, METADATA_TYPE);
            if (problem != null) {
                found.add(METADATA_FILE + " " + problem);
            }
        }
        for (Path f : queueFiles) {
            String problem = problemOf(f, QUEUE_FILE_TYPE);
            if (problem != null) {
                found.add(f.getFileName() + " " + problem);
            }
        }
        return found;
    }

    /** True when one of {@link #find}'s entries is about the metadata file. */
    public static boolean metadataAmong(List<String> found) {
        return found.stream().anyMatch(f -> f.startsWith(METADATA_FILE));
    }

    /**
     * Moves each damaged file {@link #find} names (that exists) into a new {@code damaged-<time>}
     * directory in {@code dir}; returns that directory, or null when nothing was moved.
     */
    static Path setAside(Path dir, List<String> found) throws IOException {
        Path aside = null;
        for (String entry : found) {
            Path file = dir.resolve(entry.substring(0, entry.indexOf(' ')));
            if (Files.exists(file)) {
                if (aside == null) {
                    aside = createSetAsideDirectory(dir);
                }
                Files.move(file, aside.resolve(file.getFileName()));
            }
        }
        return aside;
    }

    /** A new owner-only {@code damaged-<time>} directory in {@code dir}, with a suffix if that name is taken. */
    static Path createSetAsideDirectory(Path dir) throws IOException {
        String name = SET_ASIDE_PREFIX + SET_ASIDE_NAMES.format(Instant.now());
        for (int n = 1; ; n++) {
            Path aside = dir.resolve(n == 1 ? name : name + "-" + n);
            try {
                return SpoolDirectory.createOwnerOnly(aside);
            } catch (FileAlreadyExistsException e) {
                // The same second as an earlier set-aside: try the next suffix.
            }
        }
    }

    /** The spool files in {@code dir}, by name (which is by time). */
    static List<Path> queueFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(QUEUE_FILE_SUFFIX)).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** The spool files' names, for messages. */
    public static String names(Path dir) {
        try {
            List<Path> files = queueFiles(dir);
            return files.isEmpty() ? "none" : files.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            return "(cannot list: " + e + ")";
        }
    }

    private static String problemOf(Path file, String type) throws IOException {
        byte[] head = new byte[HEADER_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            return "is empty";
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        return text.contains(type) ? null : "does not start with the header of a Chronicle Queue "
                + (type.equals(METADATA_TYPE) ? "metadata" : "data") + " file (" + n + " bytes read)";
    }
}
