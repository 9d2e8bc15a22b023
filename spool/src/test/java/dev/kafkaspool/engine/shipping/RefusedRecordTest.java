package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.spool.ParkedTopic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record of a parked topic's store that the producer's full buffer refused waits to go again
 * first, as a spooled one does: nothing more is read from the store or the spool meanwhile, a
 * rewind of the spool leaves it waiting, and once the buffer has room the topic's records go in
 * order. The shipper's parts on the test's thread, a mock producer whose buffer the test fills.
 */
class RefusedRecordTest {
    @TempDir
    Path dir;

    private ManualTicker ticker;
    private FullableProducer producer;
    private Shipment s;
    private Sender sender;
    private ParkedShipping parkedShipping;
    private MetadataWait metadata;
    private ParkedTopic topic;

    @BeforeEach
    void setUp() {
        ShipperParts parts = new ShipperParts(dir);
        ticker = parts.ticker;
        producer = parts.producer;
        s = parts.s;
        sender = parts.sender;
        parkedShipping = parts.parkedShipping;
        metadata = parts.metadata;

        assertTrue(parts.parked.park(Events.TOPIC, "not authorised, in this test"));
        topic = parts.parked.get(Events.TOPIC);
        for (int n = 1; n <= 3; n++) {
            assertTrue(parts.capped.append(1L, Events.event(n, n + ": parked"), topic.store));
        }
        ticker.advance(2, TimeUnit.SECONDS);
    }

    @Test
    void aParkedRecordTheFullBufferRefusedGoesAgainFirst() {
        refuseTheFirstRecord();
        assertNull(sender.refusedAgain(false), "the spool is not read while the parked record waits");
        assertEquals(0, parkedShipping.ship(100), "nothing is sent while the buffer is full");
        assertSame(topic, s.bufferRefused.parkedIn, "still waiting");

        producer.full = false;
        assertEquals(3, parkedShipping.ship(100));
        assertEquals(SentNumbers.range(1, 3), SentNumbers.of(producer.history()), "each once, in order");
        assertNull(s.bufferRefused);
    }

    @Test
    void aRewindOfTheSpoolLeavesAParkedRecordWaitingForRoom() {
        refuseTheFirstRecord();
        // A spooled record of a new topic waited for its metadata; it is read again with the spool.
        InFlight waiting = new InFlight(s.window, s.producer, 0, ticker.nanos(), 1L, 9, 1_000_009, LogLevel.INFO,
                "new-topic", null, new byte[0]);
        waiting.onCompletion(null, new TimeoutException("Topic new-topic not present in metadata after 0 ms."));
        s.window.add(waiting);
        assertTrue(metadata.retryAfterMetadata());
        assertNotNull(s.bufferRefused, "the parked record still waits: its store is not read again");

        producer.full = false;
        assertEquals(3, parkedShipping.ship(100));
        assertEquals(List.of(1L, 2L, 3L), SentNumbers.of(producer.history()), "the refused record was not skipped");
    }

    private void refuseTheFirstRecord() {
        producer.full = true;
        assertEquals(0, parkedShipping.ship(100));
        assertNotNull(s.bufferRefused, "the refused record waits");
        assertSame(topic, s.bufferRefused.parkedIn);
        assertTrue(s.window.isEmpty(), "the producer holds nothing of it");
        assertTrue(producer.history().isEmpty());
    }
}
