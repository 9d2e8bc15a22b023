package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void anIdIsTheInstanceInSixteenHexDigitsAndTheSequenceInHex() {
        assertEquals("00000000000000ff-1", EventIds.toString(255, 1));
        assertEquals("ffffffffffffffff-7fffffffffffffff", EventIds.toString(-1, Long.MAX_VALUE));
        assertEquals("0000000000000001-10", EventIds.toString(1, 16));
        assertEquals("0000000000000001-0", EventIds.toString(1, 0));
    }
}
