package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** What a nested Log4j layout writes is collected whole, and a large event's array is not kept. */
class LayoutOutputTest {
    @Test
    void collectsWhatTheLayoutWritesAndLetsGoOfALargeEventsArray() {
        LayoutOutput out = new LayoutOutput();
        byte[] large = new byte[1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        out.reset();
        out.writeBytes(large, 0, large.length);
        byte[] collected = out.bytes(); // as the appender reads it: the bytes first, then the length
        assertEquals(large.length, out.length());
        assertArrayEquals(large, Arrays.copyOf(collected, out.length()));
        assertTrue(out.capacity() >= large.length);

        out.reset();
        byte[] small = "a small event".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(small, 0, small.length);
        collected = out.bytes();
        assertArrayEquals(small, Arrays.copyOf(collected, out.length()));
        assertTrue(out.capacity() <= LayoutOutput.RETAINED, "kept after the next event: " + out.capacity());
    }
}
