package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.junit.jupiter.api.Test;

/** Which records go with the send time once Kafka refused a timestamp of their topic. */
class RestampingTest {
    private static final long NOW = 1_796_650_000_000L;
    private static final long HOUR = 3_600_000L;

    /** What a broker says, word for word (Kafka 4.3), for a topic that takes an hour either side of its clock. */
    private static InvalidTimestampException refusal(long refused) {
        return new InvalidTimestampException("Timestamp " + refused + " of message with offset 5 is out of range. "
                + "The timestamp should be within [" + (NOW - HOUR) + ", " + (NOW + HOUR) + "]");
    }

    @Test
    void theBrokersWindowIsReadFromItsMessage() {
        assertEquals(NOW - HOUR, Restamping.earliestTaken(refusal(NOW - 3 * HOUR)));
        assertEquals(NOW - HOUR, Restamping.earliestTaken(new InvalidRecordException("Timestamp 1 of message with "
                + "offset 0 is out of range. The timestamp should be within [" + (NOW - HOUR) + ", " + (NOW + HOUR) + "]")));
        assertEquals(Long.MIN_VALUE, Restamping.earliestTaken(new InvalidTimestampException("out of range")));
        assertEquals(Long.MIN_VALUE, Restamping.earliestTaken(null));
    }

    @Test
    void aTooOldTimestampRestampsOnlyWhatTheBrokerWouldRefuseSoon() {
        Restamping r = new Restamping();
        assertTrue(r.refused("t", NOW - 3 * HOUR, NOW, refusal(NOW - 3 * HOUR)), "reported the first time");
        long edge = NOW - HOUR + Restamping.EDGE_MILLIS;
        assertTrue(r.appliesTo("t", NOW - 3 * HOUR));
        assertTrue(r.appliesTo("t", edge));
        assertFalse(r.appliesTo("t", edge + 1), "within the window, past the edge: its own time");
        assertFalse(r.appliesTo("t", NOW - 1), "logged just before the refusal: its own time");
        assertFalse(r.appliesTo("other", NOW - 3 * HOUR), "another topic");
        assertFalse(r.refused("t", NOW - 2 * HOUR, NOW, refusal(NOW - 2 * HOUR)), "reported once per topic");
    }

    @Test
    void withoutAWindowOrForATooNewTimestampEverythingUpToTheRefusalIsRestamped() {
        Restamping none = new Restamping();
        none.refused("t", NOW - 3 * HOUR, NOW, new InvalidTimestampException("out of range"));
        assertTrue(none.appliesTo("t", NOW));
        assertFalse(none.appliesTo("t", NOW + 1));

        Restamping tooNew = new Restamping();
        tooNew.refused("t", NOW + 3 * HOUR, NOW, refusal(NOW + 3 * HOUR));
        assertTrue(tooNew.appliesTo("t", NOW + 3 * HOUR));
        assertTrue(tooNew.appliesTo("t", NOW - 1));
    }
}
