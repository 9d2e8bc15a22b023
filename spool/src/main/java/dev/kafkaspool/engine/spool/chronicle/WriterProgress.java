package dev.kafkaspool.engine.spool.chronicle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the disk spool's writer has got to: the cycle of the file it last wrote to and the end of
 * its last record there. The writer sets it after each record; the shipper's upkeep reads it
 * ({@link PageToucher}, {@link FileRoll}), without the writer's lock.
 *
 * <p>Both fit in one long, read and written whole: the end in its low 40 bits, and the cycle
 * counted from the first one this process wrote to above them. Counted from there, not from the
 * epoch: files that end early move the roll clock on by a cycle each ({@link RollClock}), so a
 * spool's cycle numbers grow with what it has written, and the epoch's would outgrow the bits
 * within years of steady writing; from the process's first cycle, 2^23 files are as many as
 * 256 TiB written at the default cap. Past that (or past a 1 TiB file), the progress stands
 * still: the shipper's upkeep then waits, and the writer still ends files ({@link FileRoll#writerAt}).
 *
 * <p><b>Thread-safe:</b> one writer at a time (under the spool's writer lock), any readers.
 */
final class WriterProgress {
    private static final int POSITION_BITS = 40;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    private static final int MAX_CYCLES = 1 << (Long.SIZE - 1 - POSITION_BITS);
    /** {@code (cycle - firstCycle) << 40 | position}; -1 before any write. */
    private final AtomicLong written = new AtomicLong(-1);
    /** The first cycle written to; set once, before the first progress is published. */
    private volatile int firstCycle = -1;

    /** The writer wrote the file of {@code cycle} up to {@code position}: an ordered write, no fence. */
    void written(int cycle, long position) {
        if (firstCycle < 0 && cycle >= 0) {
            firstCycle = cycle;
        }
        long counted = (long) cycle - firstCycle;
        if (counted >= 0 && counted < MAX_CYCLES && position >= 0 && position <= POSITION_MASK) {
            written.lazySet(counted << POSITION_BITS | position);
        }
    }

    /** The last progress, for {@link #cycleOf} and {@link #positionOf}; negative before any write. */
    long get() {
        return written.get();
    }

    /** The cycle of a progress {@link #get} returned. */
    int cycleOf(long progress) {
        return firstCycle + (int) (progress >>> POSITION_BITS);
    }

    static long positionOf(long progress) {
        return progress & POSITION_MASK;
    }
}
