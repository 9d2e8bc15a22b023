package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.CounterReadings;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.LogLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper counts Kafka's acknowledgements once per round of answers: every record found
 * acknowledged at the window's head counts as shipped (as drained too when it was read from the
 * spool), with the time from its send to that round as its send latency. The shipper's parts on the
 * test's thread, a mock producer whose answers the test gives, a manual clock.
 */
class AnswerCountsTest {
    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    @TempDir
    Path dir;

    @Test
    void eachRoundCountsTheAcknowledgedRecordsAndTheirTimeFromSend() {
        ShipperParts parts = new ShipperParts(dir);
        EngineCounters counters = parts.counters;
        for (int n = 1; n <= 3; n++) {
            assertTrue(parts.capped.append(1L, Events.event(n, n + ": spooled")));
        }
        assertTrue(parts.drain.drainWhenDue());
        byte[] value = "4: from memory".getBytes(StandardCharsets.UTF_8);
        InFlight direct = new InFlight(parts.s.window, parts.s.producer, InFlight.DIRECT, parts.ticker.nanos(), 1L, 4,
                1_000_004, LogLevel.INFO, Events.TOPIC, null, value);
        assertTrue(parts.sender.send(direct));
        assertEquals(SentNumbers.range(1, 4), SentNumbers.of(parts.producer.history()));

        parts.ticker.advance(5, TimeUnit.MILLISECONDS);
        assertFalse(parts.answers.takeAnsweredPrefix(), "nothing answered yet");
        assertEquals(0, CounterReadings.shipped(counters));

        assertTrue(parts.producer.completeNext());
        assertTrue(parts.producer.completeNext());
        assertTrue(parts.answers.takeAnsweredPrefix());
        assertEquals(2, CounterReadings.shipped(counters));
        assertEquals(2, CounterReadings.drained(counters));
        assertEquals(2 * 5 * MILLI, CounterReadings.sendLatencyNanos(counters), "5 ms each, from send to this round");

        parts.ticker.advance(3, TimeUnit.MILLISECONDS);
        assertTrue(parts.producer.completeNext());
        assertTrue(parts.producer.completeNext());
        assertTrue(parts.answers.takeAnsweredPrefix());
        assertEquals(4, CounterReadings.shipped(counters));
        assertEquals(3, CounterReadings.drained(counters), "the record sent from memory is not drained");
        assertEquals((2 * 5 + 2 * 8) * MILLI, CounterReadings.sendLatencyNanos(counters));

        assertFalse(parts.answers.takeAnsweredPrefix(), "the window is empty");
        assertEquals(4, CounterReadings.shipped(counters), "nothing counted twice");
    }
}
