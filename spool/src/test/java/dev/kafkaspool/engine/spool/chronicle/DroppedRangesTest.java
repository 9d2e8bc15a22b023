package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dropped ranges grow at their end, join a range they reach, and are forgotten once passed. */
class DroppedRangesTest {
    private final DroppedRanges ranges = new DroppedRanges();

    @Test
    void aRangeGrowsAndJoinsTheNextOneItReaches() {
        ranges.add(10, 11);
        ranges.add(10, 12);
        ranges.add(20, 25);
        ranges.add(14, 15);
        assertEquals(12, ranges.endOfRangeAfter(10));
        assertEquals(15, ranges.endOfRangeAfter(14));
        assertEquals(13, ranges.endOfRangeAfter(13), "none starts after 13");

        ranges.add(14, 20);
        assertEquals(25, ranges.endOfRangeAfter(14), "the range after 14 reached 20, where the next one starts");
        assertEquals(20, ranges.endOfRangeAfter(20), "the range after 20 is part of it now");
        assertEquals("DroppedRanges[a..c (2), e..19 (3)]", ranges.toString());
    }

    @Test
    void rangesPassedAreForgottenWithTheirRecords() {
        ranges.add(10, 11);
        ranges.add(10, 12);
        ranges.add(20, 21);
        ranges.add(30, 31);
        assertEquals(0, ranges.removeUpTo(11));
        assertEquals(3, ranges.removeUpTo(21));
        assertEquals(12, ranges.endOfRangeAfter(12));
        assertEquals(31, ranges.endOfRangeAfter(30));
        assertEquals(1, ranges.removeUpTo(Long.MAX_VALUE));
        assertEquals(30, ranges.endOfRangeAfter(30));
    }
}
