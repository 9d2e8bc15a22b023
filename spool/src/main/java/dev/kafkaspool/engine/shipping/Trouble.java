package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineState;
import java.util.concurrent.TimeUnit;

/**
 * What the shipper does when Kafka does not take records: an outage (spool from now on, abandon
 * the producer with what it holds, read the spool again after a back-off), a topic the client may
 * not write to (parked, {@link dev.kafkaspool.engine.spool.ParkedTopics}), refused timestamps
 * ({@link Restamping}), a full producer buffer while sending from memory (the spool takes over).
 * Shipper thread only.
 */
final class Trouble {
    static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * The longest pause before the spool is read again after an outage. A try while Kafka is still
     * gone costs little (a producer without metadata refuses a record at once), and a spool
     * drains only from the first try after the broker is back.
     */
    static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Shipment s;
    private final Answers answers;
    private final ShipperState state;
    private final InFlightWindow window;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    /** The producer closed by a callback whose batch's other callbacks were still running, and since when. */
    private ShippingProducer awaitedProducer;
    private long awaitedSinceNanos;

    Trouble(Shipment s, Answers answers, ShipperState state) {
        this.s = s;
        this.answers = answers;
        this.state = state;
        this.window = s.window;
    }

    /** Kafka answered: the next outage waits the shortest back-off again. */
    void progressed() {
        backoffNanos = MIN_BACKOFF_NANOS;
    }

    /** A record in the window signalled trouble, or the producer closed itself. */
    void handle() {
        if (batchStillAnswered() || restampRefused() || parkUnauthorised()) {
            return;
        }
        Exception closedFor = s.producer != null ? s.producer.abandonedFor() : null;
        InFlight failed = window.first(SendOutcome.FAILED);
        if (closedFor != null) {
            // What Kafka gave up on, not what the closed producer then refused on this thread.
            failed(closedFor);
        } else if (failed != null) {
            failed(failed.failure());
        } else if (s.direct && window.first(SendOutcome.BACKPRESSURE) != null) {
            answers.leaveDirect();
        }
    }

    /**
     * The producer refused a record at once on this thread. When that is because it closed itself
     * (Kafka gave up on a record it held, see {@link ShippingProducer}), the record Kafka gave up on
     * decides, as when the shipper finds the producer closed: its refused timestamp is restamped, its
     * unauthorised topic parked, anything else is an outage. The callback may still be setting that
     * record's outcome; what it needs is kept before the producer closes.
     */
    void sendFailed(Exception e) {
        if (s.producer != null && s.producer.abandonedFor() != null) {
            handle();
        } else {
            failed(e);
        }
    }

    /**
     * Whether the producer closed itself in the callback of a record whose batch is still being
     * answered: the callbacks of its other records (among them, when Kafka refused one record's
     * timestamp, that record's, after its batch mates' "part of a batch" failures) have not all run
     * yet. The shipper then looks again next round, at most {@link #MAX_BACKOFF_NANOS}: deciding
     * before would take a refused timestamp for an outage and send the record again as it was.
     */
    private boolean batchStillAnswered() {
        ShippingProducer p = s.producer;
        InFlight closedBy = p != null ? p.closedBy() : null;
        if (closedBy == null || closedBy.batchAnswered()) {
            return false;
        }
        long now = s.ticker.nanos();
        if (awaitedProducer != p) {
            awaitedProducer = p;
            awaitedSinceNanos = now;
        }
        return now - awaitedSinceNanos < MAX_BACKOFF_NANOS;
    }

    /**
     * Kafka refused a produce because the client may not write to its topic (it may describe it):
     * the topic is parked, or, parked already, tried again later; everything in flight is read again.
     *
     * @return false for any other failure
     */
    private boolean parkUnauthorised() {
        InFlight failed = window.first(SendOutcome.FAILED);
        Exception cause = s.producer != null && s.producer.abandonedFor() != null ? s.producer.abandonedFor()
                : failed != null ? failed.failure() : null;
        String topic = SendOutcome.unauthorisedTopic(cause);
        if (topic == null || !s.parked.isParked(topic) && !s.parked.park(topic, s.describe(cause))) {
            return false;
        }
        abandonInFlight();
        s.parked.get(topic).notYet(s.ticker.nanos());
        s.nextAttemptNanos = s.ticker.nanos();
        return true;
    }

    /**
     * Kafka refused the timestamps of records (the producer closed itself at the first): they and
     * their topics' older records are read again and sent with the send time as their timestamp.
     *
     * @return false when no record in the window was refused
     */
    private boolean restampRefused() {
        if (!s.restamping.takeRefused(window, s.ticker.millis(), s.problems)) {
            return false;
        }
        abandonInFlight();
        s.nextAttemptNanos = s.ticker.nanos();
        return true;
    }

    /**
     * Kafka failed a record: an outage, and the failure is remembered until Kafka acknowledges a
     * record, so that a later outage for missing metadata can name it (a wrong password, say, shows
     * only now and then, between the producer's metadata requests).
     */
    void failed(Exception e) {
        String cause = s.describe(e);
        s.lastFailure = cause;
        outage(cause);
    }

    /** Kafka is not taking records: spool from now on, abandon the producer, re-read the spool later. */
    void outage(String cause) {
        s.outages++;
        abandonInFlight();
        s.nextAttemptNanos = s.ticker.nanos() + backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
        state.change(EngineState.SPOOLING, cause);
    }

    /** Abandons what is in flight, and the producer when it holds any of it; the spool is read again. */
    private void abandonInFlight() {
        // Records the producer accepted and still holds: abandon the producer with them, or it
        // would deliver them later, out of order with the spool. A producer that only refused
        // records at once holds nothing and keeps fetching metadata: keep it.
        boolean producerHoldsRecords = window.first(SendOutcome.PENDING) != null || s.held.holdsUnanswered();
        answers.leaveDirect();
        answers.takeAnsweredPrefix();
        if (s.producer != null && (producerHoldsRecords || s.producer.isClosed())) {
            s.producers.retire(s.producer);
            s.producer = null;
            s.ackedTopics.clear();
        }
        // The copies of records the producer had not answered are sent again; see HeldOriginals.
        s.held.producerAbandoned();
        s.awaitingMetadata = false;
        s.bufferRefused = null;
        s.moved.abandoned(window);
        window.reset();
        s.reads.rewind();
        s.parked.abandonAll();
    }
}
