package dev.kafkaspool.engine.shipping;

import java.util.concurrent.TimeUnit;

/**
 * The wait for a topic's metadata. The producer refuses a record at once while it has no metadata
 * for its topic, and fetches it meanwhile. For a topic it has written to before, Kafka is gone: an
 * outage. For a new topic (the first records after a start, or a topic first used later, such as
 * the error topic), the record waits: a record from memory goes to the spool (after the others
 * from memory, so order holds), a record from the spool is read again once every record before it
 * is answered. When the metadata stays missing for {@code stallTimeout}, the topic is parked if
 * Kafka answers for the others, an outage otherwise; either way Kafka is asked why (once, until a
 * record is acknowledged: {@link TopicDiagnosis}). The record is tried again after 5 ms, then after
 * twice as long each time up to 100 ms: the producer usually has the metadata within tens of
 * milliseconds, and at start-up every event logged meanwhile waits behind that record.
 * Shipper thread only.
 */
final class MetadataWait {
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Shipment s;
    private final Answers answers;
    private final Trouble trouble;
    private final long stallNanos;
    private long backoffNanos = FIRST_BACKOFF_NANOS;

    MetadataWait(Shipment s, Answers answers, Trouble trouble) {
        this.s = s;
        this.answers = answers;
        this.trouble = trouble;
        this.stallNanos = s.stallNanos;
    }

    /** The producer refused a record because it has no metadata for its topic yet (see the class comment). */
    void await(InFlight f) {
        long now = s.ticker.nanos();
        if (s.ackedTopics.contains(f.topic)) {
            trouble.outage(s.describe(f.failure()));
            return;
        }
        if (s.metadataMissingSinceNanos == 0) {
            s.metadataMissingSinceNanos = now;
            backoffNanos = FIRST_BACKOFF_NANOS;
        } else {
            backoffNanos = Math.min(2 * backoffNanos, Trouble.MIN_BACKOFF_NANOS);
        }
        if (now - s.metadataMissingSinceNanos > stallNanos && parkable()
                && s.parked.park(f.topic, "missing from the producer's metadata for "
                        + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms while Kafka answers")) {
            // Kafka answers for the other topics: this one waits in its own store, the others go on.
            s.metadataMissingSinceNanos = 0;
            if (s.diagnosedTopics.add(f.topic)) {
                s.producers.diagnose(f.topic, java.time.Duration.ofNanos(stallNanos));
            }
        } else if (now - s.metadataMissingSinceNanos > stallNanos) {
            // Stays set until a record is acknowledged: later retries go straight to the outage's back-off.
            // A record's failure meanwhile (a wrong password shows only now and then) is the likelier cause: first.
            String missing = "topic " + f.topic + " has been missing from the producer's metadata for "
                    + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms";
            trouble.outage(s.lastFailure != null ? s.lastFailure + "; " + missing
                    : missing + " (" + s.describe(f.failure()) + ")");
            if (s.diagnosedTopics.add(f.topic)) {
                s.producers.diagnose(f.topic, java.time.Duration.ofNanos(stallNanos));
            }
            return;
        }
        if (f.isDirect()) {
            answers.leaveDirect();
        } else {
            s.awaitingMetadata = true;
        }
        s.nextAttemptNanos = now + backoffNanos;
    }

    /** Whether Kafka answers at all (another topic was acknowledged, or a broker answers the producer). */
    private boolean parkable() {
        return !s.ackedTopics.isEmpty() || s.producer.isAnswered();
    }

    /** Once every record before one that waits for metadata is answered, reads it again after a pause. */
    boolean retryAfterMetadata() {
        InFlight head = s.window.head();
        if (head == null || head.outcome() != SendOutcome.NO_METADATA) {
            return false;
        }
        s.window.removeHead();
        s.reads.rewind();
        s.awaitingMetadata = false;
        if (s.bufferRefused != null && s.bufferRefused.parkedIn == null) {
            s.bufferRefused = null; // read again with the spool; a parked topic's record is not
        }
        s.nextAttemptNanos = Math.max(s.nextAttemptNanos, s.ticker.nanos() + backoffNanos);
        return true;
    }
}
