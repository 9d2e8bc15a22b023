package dev.kafkaspool.pod;


import dev.kafkaspool.engine.StatusListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One map file of a downward API volume, {@code labels} or {@code annotations}: one
 * {@code key="value"} line per entry, the key as is (it may hold {@code / . - _}), the value quoted
 * as Go's {@code %q} writes it (see {@link GoQuotedString}). Blank lines are ignored. A malformed
 * line is skipped; all the malformed lines of one read are reported in one warning, which names
 * line numbers and keys but never values.
 */
final class PodInfoFile {
    /** How many malformed lines one warning describes. */
    private static final int DESCRIBED_PROBLEMS = 3;

    private PodInfoFile() {
    }

    /** The entries of a file; empty, without a report, when the file does not exist. Never throws. */
    static Map<String, String> read(Path file, StatusListener status) {
        String content;
        try {
            content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            status.warn("pod metadata: cannot read " + file + "; its entries are left out", e);
            return Map.of();
        }
        return parse(content, file.toString(), status);
    }

    /**
     * @param source names the content in the warning, e.g. the file's path
     */
    static Map<String, String> parse(String content, String source, StatusListener status) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int malformed = 0;
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                addEntry(line, entries);
            } catch (IllegalArgumentException e) {
                malformed++;
                if (problems.size() < DESCRIBED_PROBLEMS) {
                    problems.add("line " + (i + 1) + " " + e.getMessage());
                }
            }
        }
        if (malformed > 0) {
            status.warn("pod metadata: skipped " + malformed + " malformed line(s) in " + source + ": "
                    + String.join("; ", problems) + (malformed > problems.size() ? "; ..." : "")
                    + " (expected key=\"value\")", null);
        }
        return entries;
    }

    private static void addEntry(String line, Map<String, String> entries) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("has no '='");
        }
        String key = line.substring(0, equals);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("has no key before '='");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("has a space, quote or control character in its key");
            }
        }
        try {
            entries.put(key, GoQuotedString.unquote(line.substring(equals + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("(key '" + key + "'): " + e.getMessage(), e);
        }
    }
}
