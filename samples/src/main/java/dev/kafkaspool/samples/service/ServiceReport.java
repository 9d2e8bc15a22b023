package dev.kafkaspool.samples.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line a sample service writes to its standard output for the demo that started it: either
 * {@code progress sent=<n> worstCallNanos=<n>} while it logs, or {@code stats accepted=<n> ...}
 * with its appender's counters once it stopped. Standard output carries nothing else.
 */
public final class ServiceReport {

    /** The kind of a progress line. */
    public static final String PROGRESS = "progress";
    /** The kind of the last line, with the appender's counters. */
    public static final String STATS = "stats";

    private final String kind;
    private final Map<String, String> values;

    private ServiceReport(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    /** A report of this kind with these values, in this order. */
    public static ServiceReport of(String kind, Map<String, String> values) {
        return new ServiceReport(kind, new LinkedHashMap<>(values));
    }

    /** Reads a line written by {@link #toLine()}; null for any other line. */
    public static ServiceReport parse(String line) {
        String[] words = line.strip().split(" ");
        if (words.length == 0 || !(PROGRESS.equals(words[0]) || STATS.equals(words[0]))) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return new ServiceReport(words[0], values);
    }

    /** The line, without its line break. */
    public String toLine() {
        StringBuilder line = new StringBuilder(kind);
        values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }

    public String kind() {
        return kind;
    }

    /** The value as a number; 0 when it is missing or not a number. */
    public long number(String name) {
        try {
            return Long.parseLong(values.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The value as written; null when missing. */
    public String text(String name) {
        return values.get(name);
    }
}
