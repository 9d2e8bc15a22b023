package dev.kafkaspool.engine.spool.chronicle;

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
 * <p>The spool's writer raises the count and its reader lowers it, each under its own lock: both
 * change it atomically.
 */
public final class SpoolLedger implements AutoCloseable {
    public static final String PENDING_ID = "kafka-spool.pending";
    /** 1 once the count is kept; a value of a metadata file that did not keep it reads 0. */
    public static final String KEPT_ID = "kafka-spool.pending-kept";

    private final QueueFiles.StoredLong pending;
    private final QueueFiles.StoredLong kept;

    private SpoolLedger(QueueFiles.StoredLong pending, QueueFiles.StoredLong kept) {
        this.pending = pending;
        this.kept = kept;
    }

    /** The ledger kept in the metadata file of {@code queue}. */
    public static SpoolLedger of(QueueFiles queue) {
        return new SpoolLedger(queue.storedLong(PENDING_ID), queue.storedLong(KEPT_ID));
    }

    public boolean known() {
        return kept.get() == 1;
    }

    /** The events the spool should hold unshipped; meaningful when {@link #known()}. */
    public long pending() {
        return pending.get();
    }

    /** Starts keeping the count, from what the spool holds now. */
    void start(long records) {
        pending.set(records);
        kept.set(1);
    }

    void appended() {
        pending.add(1);
    }

    void removed(long records) {
        pending.add(-records);
    }

    @Override
    public void close() {
        pending.close();
        kept.close();
    }
}
