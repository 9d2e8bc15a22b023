package dev.kafkaspool.encoding;

import java.util.Locale;

/**
 * What a record's Kafka key is. No key spreads records over all partitions (best balance, no order
 * across partitions); a key keeps every record with that key in one partition, in order, at the
 * cost of balance when a few keys dominate.
 */
public final class KeyStrategy {
    /** The kinds of key. */
    public enum Kind { NONE, POD, LOGGER, THREAD, MDC }

    public static final KeyStrategy NONE = new KeyStrategy(Kind.NONE, null);
    private static final String MDC_PREFIX = "mdc:";

    private final Kind kind;
    private final String mdcKey;

    private KeyStrategy(Kind kind, String mdcKey) {
        this.kind = kind;
        this.mdcKey = mdcKey;
    }

    public Kind kind() {
        return kind;
    }

    /** The MDC key whose value is the record key, for {@link Kind#MDC}. */
    public String mdcKey() {
        return mdcKey;
    }

    static KeyStrategy parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, MDC_PREFIX, 0, MDC_PREFIX.length())) {
            String key = t.substring(MDC_PREFIX.length()).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("key strategy 'mdc:' needs an MDC key, e.g. mdc:tenant");
            }
            return new KeyStrategy(Kind.MDC, key);
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "none":
                return NONE;
            case "pod":
                return new KeyStrategy(Kind.POD, null);
            case "logger":
                return new KeyStrategy(Kind.LOGGER, null);
            case "thread":
                return new KeyStrategy(Kind.THREAD, null);
            default:
                throw new IllegalArgumentException("key strategy '" + text
                        + "' is not one of none, pod, logger, thread, mdc:<key>");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.MDC ? MDC_PREFIX + mdcKey : kind.name().toLowerCase(Locale.ROOT);
    }
}
