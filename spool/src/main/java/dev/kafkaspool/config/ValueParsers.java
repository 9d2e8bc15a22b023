package dev.kafkaspool.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the value formats that settings use: sizes, durations, names of enum constants. Stateless. */
public final class ValueParsers {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Pattern DECIMAL_WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

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

    /**
     * {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h}; Logback's own words, {@code 500 milliseconds},
     * {@code 10 seconds}, {@code 2 minutes}, {@code 1 hour}, {@code 1 day} (singular or plural, a
     * decimal number allowed, as in {@code 1.5 seconds}); or ISO-8601, {@code PT10S}. A plain number
     * is milliseconds. Negative durations are refused.
     */
    static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P") || t.startsWith("-p")) {
            Duration d;
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration");
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        }
        Matcher m = DECIMAL_WITH_UNIT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long unitNanos = durationUnitNanos(m.group(2));
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large");
        }
    }

    private static long durationUnitNanos(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "":
            case "ms":
            case "milli":
            case "millis":
            case "millisecond":
            case "milliseconds":
                return 1_000_000L;
            case "s":
            case "second":
            case "seconds":
                return 1_000_000_000L;
            case "m":
            case "min":
            case "minute":
            case "minutes":
                return 60_000_000_000L;
            case "h":
            case "hour":
            case "hours":
                return 3_600_000_000_000L;
            case "day":
            case "days":
                return 86_400_000_000_000L;
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "'");
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

    public static Durability parseDurability(String text) {
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
    public static String formatSize(long bytes) {
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
