package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.spool.ParkedTopic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spooled record that moved to its parked topic's store, when an outage abandons the window
 * before the spool committed past it (an earlier record of another topic still unanswered), is
 * not moved a second time when the spool is read again: the store holds each event once, and each
 * is sent once, also when the store was shipped and the topic left the parked set before the spool
 * read the record again. The shipper's parts on the test's thread, mock producers whose answers the
 * test gives.
 */
class MovedRecordTest {
    private static final String OTHER = "other-topic";

    @TempDir
    Path dir;

    private ShipperParts parts;
    private Shipment s;
    private ParkedTopic parked;
    /** The producer after the outage. */
    private final FullableProducer next = new FullableProducer(false);

    @BeforeEach
    void setUp() {
        parts = new ShipperParts(dir);
        s = parts.s;
        parts.acknowledgedOn(s.producer, OTHER);
        assertTrue(parts.capped.append(1L, Events.event(1, "1: other").topic(OTHER)));
        for (int n = 2; n <= 5; n++) {
            assertTrue(parts.capped.append(1L, Events.event(n, n + ": parked")));
        }
        assertTrue(parts.parked.park(Events.TOPIC, "not authorised, in this test"));
        parked = parts.parked.get(Events.TOPIC);

        assertTrue(parts.drain.drainWhenDue());
        assertEquals(List.of(1L), SentNumbers.of(parts.producer.history()), "the other topic's record is sent");
        assertEquals(4, parked.store.pendingEvents(), "the parked topic's records moved to its store");

        // Kafka does not answer the other topic's record: an outage abandons the window, and the
        // spool, not committed past the moves, is read again through a new producer.
        parts.trouble.failed(new TimeoutException("expired, in this test"));
        s.producer = new ShippingProducer(next, Thread.currentThread(), parts.problems);
        parts.ticker.advance(1, TimeUnit.MINUTES);
        parts.acknowledgedOn(s.producer, OTHER, Events.TOPIC);
    }

    @Test
    void aMoveAbandonedByAnOutageIsNotMovedAgain() {
        assertTrue(parts.drain.drainWhenDue());
        assertEquals(4, parked.store.pendingEvents(), "each event is in the store once");
        assertEquals(List.of(1L), SentNumbers.of(next.history()), "only the other topic's record is sent again");

        assertTrue(next.completeNext());
        assertTrue(parts.answers.takeAnsweredPrefix());
        assertEquals(0, s.spool.pendingEvents(), "the spool committed past the moves");

        assertEquals(4, parts.parkedShipping.ship(100));
        while (next.completeNext()) {
            parts.answers.takeAnsweredPrefix();
        }
        parts.answers.takeAnsweredPrefix();
        assertEquals(SentNumbers.range(1, 5), SentNumbers.of(next.history()), "each once, in order");
        assertFalse(parts.parked.isParked(Events.TOPIC), "the shipped store left the parked set");
    }

    @Test
    void aMoveAbandonedByAnOutageIsNotSentWhenItsStoreWasShippedMeanwhile() {
        assertEquals(4, parts.parkedShipping.ship(100), "the store ships before the spool is read again");
        while (next.completeNext()) {
            parts.answers.takeAnsweredPrefix();
        }
        assertFalse(parts.parked.isParked(Events.TOPIC), "the shipped store left the parked set");

        assertTrue(parts.drain.drainWhenDue());
        assertTrue(next.completeNext());
        assertTrue(parts.answers.takeAnsweredPrefix());
        assertEquals(0, s.spool.pendingEvents(), "the spool committed past the moves");
        assertEquals(List.of(2L, 3L, 4L, 5L, 1L), SentNumbers.of(next.history()), "each once");
    }
}
