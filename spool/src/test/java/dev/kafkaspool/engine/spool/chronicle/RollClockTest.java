package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RollClockTest {
    private final AtomicLong wall = new AtomicLong(1_000_000);
    private final RollClock clock = new RollClock(wall::get);

    @Test
    void followsTheWallClockForwardAndStandsStillWhileItIsSetBack() {
        assertEquals(1_000_000, clock.millis());
        wall.addAndGet(5_000);
        assertEquals(1_005_000, clock.millis());
        wall.addAndGet(-3_600_000);
        assertEquals(1_005_000, clock.millis(), "set back: stands still");
        wall.addAndGet(2_000);
        assertEquals(1_007_000, clock.millis(), "then moves as far as the wall clock does");
        wall.addAndGet(86_400_000);
        assertEquals(87_407_000, clock.millis(), "a step forward passes through");
    }

    @Test
    void neverStartsBeforeTheNewestFile() {
        clock.notBefore(5_000_000);
        assertEquals(5_000_000, clock.millis());
        wall.addAndGet(1_000);
        assertEquals(5_001_000, clock.millis());
    }
}
