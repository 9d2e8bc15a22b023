package dev.kafkaspool.inspect;

/**
 * The result of {@link SpoolInspection#verify()}: how many pending records were read, how many of
 * them decoded, and where the first damage is.
 *
 * <p><b>Immutable and thread-safe.</b>
 */
public final class SpoolVerification {
    private final long records;
    private final long damaged;
    private final String firstDamage;

    SpoolVerification(long records, long damaged, String firstDamage) {
        this.records = records;
        this.damaged = damaged;
        this.firstDamage = firstDamage;
    }

    /** True when every pending record decoded and the queue ended where its index says. */
    public boolean clean() {
        return firstDamage == null;
    }

    /** Records read from the committed position to the end, damaged ones included. */
    public long records() {
        return records;
    }

    /** Records that could not be decoded. */
    public long damaged() {
        return damaged;
    }

    /** Where the first damage is (file, record and byte offset) and what it is; null when clean. */
    public String firstDamage() {
        return firstDamage;
    }
}
