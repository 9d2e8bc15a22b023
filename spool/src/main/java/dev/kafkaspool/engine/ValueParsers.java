package dev.kafkaspool.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the value formats that settings use: sizes, durations, names of enum constants. */
final class ValueParsers {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private ValueParsers() {
    }

    /** {@code 1048576}, {@code 512KiB}, {@code 256MiB}, {@code 1GiB} (also KB, MB, GB as powers of 1024). */
    static long parseSize(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size");
        }
        long number = Long.parseLong(m.group(1));
        long unit;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "b":
                unit = 1;
                break;
            case "k":
            case "kb":
            case "kib":
                unit = 1L << 10;
                break;
            case "m":
            case "mb":
            case "mib":
                unit = 1L << 20;
                break;
            case "g":
            case "gb":
            case "gib":
                unit = 1L << 30;
                break;
            default:
                throw new IllegalArgumentException("unknown unit '" + m.group(2) + "'");
        }
        if (number > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("too large");
        }
        return number * unit;
    }

    /** {@code 250ms}, {@code 10s}, {@code 2m}; a plain number is milliseconds. */
    static Duration parseDuration(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long number = Long.parseLong(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "ms":
                return Duration.ofMillis(number);
            case "s":
                return Duration.ofSeconds(number);
            case "m":
            case "min":
                return Duration.ofMinutes(number);
            case "h":
                return Duration.ofHours(number);
            default:
                throw new IllegalArgumentException("unknown unit '" + m.group(2) + "'");
        }
    }

    /** A duration as {@link #parseDuration} reads it, or {@code none}: zero, never sync. */
    static Duration parseSyncInterval(String text) {
        return text.equalsIgnoreCase("none") ? Duration.ZERO : parseDuration(text);
    }

    static int parsePositiveInt(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("must be greater than 0");
        }
        return value;
    }

    static Durability parseDurability(String text) {
        for (Durability d : Durability.values()) {
            if (d.configName().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown durability");
    }

    static FullPolicy parseFullPolicy(String text) {
        for (FullPolicy p : FullPolicy.values()) {
            if (p.configName().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy");
    }

    /** Formats a byte count the way {@link #parseSize} reads it back. */
    static String formatSize(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes >= (1L << 10) && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return Long.toString(bytes);
    }

    /** Formats a duration the way {@link #parseDuration} reads it back. */
    static String formatDuration(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return (millis / 60_000) + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}
