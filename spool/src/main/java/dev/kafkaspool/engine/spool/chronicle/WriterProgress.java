package dev.kafkaspool.engine.spool.chronicle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the disk spool's writer has got to: the cycle of the file it last wrote to and the end of
 * its last record there. The writer sets it after each record; the shipper's upkeep reads it
 * ({@link PageToucher}, {@link FileRoll}), without the writer's lock.
 *
 * <p><b>Thread-safe:</b> one writer at a time (under the spool's writer lock), any readers.
 */
final class WriterProgress {
    private static final int POSITION_BITS = 40;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** {@code cycle << 40 | position}; -1 before any write. */
    private final AtomicLong written = new AtomicLong(-1);

    /** The writer wrote the file of {@code cycle} up to {@code position}: an ordered write, no fence. */
    void written(int cycle, long position) {
        if (cycle >= 0 && position >= 0 && position <= POSITION_MASK) {
            written.lazySet((long) cycle << POSITION_BITS | position);
        }
    }

    /** The last progress, for {@link #cycleOf} and {@link #positionOf}; negative before any write. */
    long get() {
        return written.get();
    }

    static int cycleOf(long progress) {
        return (int) (progress >>> POSITION_BITS);
    }

    static long positionOf(long progress) {
        return progress & POSITION_MASK;
    }
}
