package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolRecord;

/**
 * The shipper's reads of the spool, {@value #BATCH} records at a time, so that the spool's lock is
 * taken once per batch rather than once per record. In disk durability a logging thread appends
 * under that lock; with one thread logging flat out on two cores the shipper waited for it 10 to
 * 30 ms at a time (the logging thread preempted while holding it), and fewer acquisitions give it
 * fewer chances to. The waits are not gone: the logging thread holds the lock for its write
 * (docs/benchmarks.md). A logging thread waits at most one batch's reading. The records read
 * ahead are, for the spool, in flight: they are neither dropped to make room nor read again until
 * the spool is rewound, which forgets them here too. Shipper thread only.
 */
final class SpoolReadAhead {
    static final int BATCH = 32;

    private final Spool spool;
    private final SpoolRecord[] records = new SpoolRecord[BATCH];
    private int next;
    private int count;

    SpoolReadAhead(Spool spool) {
        this.spool = spool;
        for (int i = 0; i < BATCH; i++) {
            records[i] = new SpoolRecord();
        }
    }

    /**
     * The next record of the spool, or null when there is nothing more to read now. It stays valid
     * until the next call: the batch's records are reused.
     */
    SpoolRecord next() {
        if (next == count) {
            count = spool.read(records);
            next = 0;
            if (count == 0) {
                return null;
            }
        }
        return records[next++];
    }

    /** Moves the spool's reader back to the oldest record not committed, forgetting what was read ahead. */
    void rewind() {
        next = 0;
        count = 0;
        spool.rewind();
    }
}
