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

    @Test
    void theHeaderBytesAreTheIdInAsciiOfExactLength() {
        for (long sequence : new long[] {0, 1, 15, 16, 255, 256, 1L << 32, Long.MAX_VALUE, -1}) {
            assertEquals(EventIds.toString(0x1234L, sequence), new String(EventIds.toBytes(0x1234L, sequence),
                    java.nio.charset.StandardCharsets.US_ASCII), "sequence " + sequence);
        }
    }
}
