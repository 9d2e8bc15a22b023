package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * A queue slot's arrays: copied into, reused, and grown with room, so that records whose size
 * creeps up by a byte (a sequence number with one more digit) do not make every slot allocate again.
 */
class EncodedEventTest {

    @Test
    void aSlotGrowsToAPowerOfTwoAndKeepsItsArrayForSlightlyLongerRecords() {
        byte[] first = EncodedEvent.fit(new byte[0], 325);
        assertEquals(512, first.length);
        assertSame(first, EncodedEvent.fit(first, 326));
        assertSame(first, EncodedEvent.fit(first, 512));
        assertEquals(1024, EncodedEvent.fit(first, 513).length);
        assertEquals(2048, EncodedEvent.fit(first, 1025).length, "at least the length asked for");
    }

    @Test
    void smallAndHugeLengthsGetASizeThatHoldsThem() {
        assertEquals(1, EncodedEvent.grownSize(0, 1));
        assertEquals(2, EncodedEvent.grownSize(1, 2));
        assertEquals(1 << 30, EncodedEvent.grownSize(0, (1 << 30) - 5));
        assertEquals((1 << 30) + 1, EncodedEvent.grownSize(0, (1 << 30) + 1), "no power of two above 2^30 fits in an int");
        assertEquals(Integer.MAX_VALUE, EncodedEvent.grownSize(0, Integer.MAX_VALUE));
    }

    @Test
    void copyingIntoASlotKeepsTheBytesAndReusesItsArray() {
        EncodedEvent slot = new EncodedEvent();
        EncodedEvent event = new EncodedEvent().topic("logs").noKey();
        byte[] value = new byte[300];
        value[299] = 7;
        slot.copyFrom(event.value(value, 300));
        byte[] copy = slot.valueBytes();
        slot.copyFrom(event.value(new byte[301], 301));
        assertSame(copy, slot.valueBytes(), "a record one byte longer fits the slot's array");
        slot.copyFrom(event.value(value, 300));
        assertArrayEquals(value, slot.copyValue());
    }
}
