package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The writer's progress round-trips through its one long: cycles counted from the first one
 * written, so a roll clock far ahead of the epoch's count (files ending early move it a cycle each)
 * still fits; past 2^23 cycles from the first, or past a 1 TiB file, the progress stands still.
 */
class WriterProgressTest {
    /** Five-minute cycles since the epoch, as a roll clock some thirty years ahead of the wall clock counts them. */
    private static final int FAR_CYCLE = 9_000_000;

    @Test
    void nothingBeforeTheFirstWrite() {
        assertTrue(new WriterProgress().get() < 0);
    }

    @Test
    void aCycleFarPastTheEpochsCountRoundTrips() {
        WriterProgress progress = new WriterProgress();
        progress.written(FAR_CYCLE, 123_456);
        long w = progress.get();
        assertTrue(w >= 0, "published: " + w);
        assertEquals(FAR_CYCLE, progress.cycleOf(w));
        assertEquals(123_456, WriterProgress.positionOf(w));

        progress.written(FAR_CYCLE + (1 << 22), (1L << 40) - 1);
        w = progress.get();
        assertEquals(FAR_CYCLE + (1 << 22), progress.cycleOf(w));
        assertEquals((1L << 40) - 1, WriterProgress.positionOf(w));
    }

    @Test
    void pastWhatTheBitsHoldTheProgressStandsStill() {
        WriterProgress progress = new WriterProgress();
        progress.written(FAR_CYCLE, 10);
        long before = progress.get();
        progress.written(FAR_CYCLE + (1 << 23), 20);
        assertEquals(before, progress.get(), "2^23 cycles past the first");
        progress.written(FAR_CYCLE + 1, 1L << 40);
        assertEquals(before, progress.get(), "a file past 1 TiB");
        progress.written(FAR_CYCLE + 1, 30);
        assertEquals(FAR_CYCLE + 1, progress.cycleOf(progress.get()));
    }
}
