package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkaspool.engine.LogLevel;
import org.junit.jupiter.api.Test;

/**
 * The window keeps the bytes of the records sent from memory until Kafka answers them (they are
 * spooled should it not), and no bytes of the records read from the spool once the producer took
 * them (they are read again from the spool should they have to be sent again).
 */
class InFlightWindowTest {
    private final InFlightWindow window = new InFlightWindow();

    @Test
    void keepsOnlyTheBytesOfRecordsSentFromMemory() {
        InFlight fromSpool = record(7L);
        InFlight fromMemory = record(InFlight.DIRECT);
        window.add(fromSpool);
        window.add(fromMemory);
        assertEquals(100, window.bytes(), "only the record from memory counts");

        fromSpool.accepted();
        fromMemory.accepted();
        assertEquals(0, fromSpool.value.length, "the spooled record's value is let go");
        assertEquals(100, fromMemory.value.length, "the record from memory keeps its value, to spool it");

        window.removeHead();
        assertEquals(100, window.bytes());
        window.removeHead();
        assertEquals(0, window.bytes());
    }

    private InFlight record(long spoolPosition) {
        return new InFlight(window, null, spoolPosition, 0L, 1L, 1L, 1_700_000_000_000L, LogLevel.INFO, "logs", null,
                new byte[100]);
    }
}
