package dev.kafkaspool.engine.spool.chronicle;

import net.openhft.chronicle.core.values.LongValue;

/**
 * How many events the disk spool holds unshipped, kept in the queue's metadata file beside the
 * committed position. Reading the queue in order skips a missing file and stops at a file cut
 * short without a sign of either; comparing what reading finds with this count tells how many
 * events went with them, so that each is counted as dropped. The count is raised after a record is
 * written and lowered before the committed position moves past records, so a process killed in
 * between leaves it too low, never too high: no event is counted as lost that is not.
 *
 * <p>A spool written before the count was kept, or whose metadata file was made anew, has no
 * count ({@link #known()} is false) until it is opened and given one.
 *
 * <p><b>Not thread-safe</b>: used under the spool's lock.
 */
public final class SpoolLedger implements AutoCloseable {
    public static final String PENDING_ID = "kafka-spool.pending";
    /** 1 once the count is kept; a value of a metadata file that did not keep it reads 0. */
    public static final String KEPT_ID = "kafka-spool.pending-kept";

    private final LongValue pending;
    private final LongValue kept;

    public SpoolLedger(LongValue pending, LongValue kept) {
        this.pending = pending;
        this.kept = kept;
    }

    public boolean known() {
        return kept.getVolatileValue() == 1;
    }

    /** The events the spool should hold unshipped; meaningful when {@link #known()}. */
    public long pending() {
        return pending.getVolatileValue();
    }

    /** Starts keeping the count, from what the spool holds now. */
    void start(long records) {
        pending.setOrderedValue(records);
        kept.setOrderedValue(1);
    }

    void appended() {
        pending.setOrderedValue(pending.getVolatileValue() + 1);
    }

    void removed(long records) {
        pending.setOrderedValue(pending.getVolatileValue() - records);
    }

    @Override
    public void close() {
        pending.close();
        kept.close();
    }
}
