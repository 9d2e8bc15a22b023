package dev.kafkaspool.engine.shipping;

import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * Hands a record, from memory or from the spool, to the producer, in the window, and deals with
 * a refusal at once: a failure is an outage, a full buffer makes the spool take over (a record from
 * the spool is sent again once the buffer has room, before anything newer), missing metadata is
 * waited for ({@link MetadataWait}). Shipper thread only.
 */
final class Sender {
    private final Shipment s;
    private final Answers answers;
    private final Trouble trouble;
    private final MetadataWait metadata;

    Sender(Shipment s, Answers answers, Trouble trouble, MetadataWait metadata) {
        this.s = s;
        this.answers = answers;
        this.trouble = trouble;
        this.metadata = metadata;
    }

    /** Hands a record to the producer; false when the send failed at once (already dealt with). */
    boolean send(InFlight f) {
        f.restamped = s.restamping.appliesTo(f.topic, f.timestampMillis);
        s.window.add(f);
        if (!TopicNames.isValid(f.topic)) {
            f.onCompletion(null, new InvalidTopicException("'" + f.topic + "' is not a name Kafka accepts for a topic"));
            return true;
        }
        try {
            s.producer.client().send(s.records.create(f, s.producer.client()), f);
        } catch (RuntimeException e) {
            f.onCompletion(null, e);
        }
        switch (f.outcome()) {
            case FAILED:
                trouble.outage(s.describe(f.failure()));
                return false;
            case BACKPRESSURE:
                if (f.isDirect()) {
                    answers.leaveDirect();
                } else {
                    // Kafka answers, slower than the spool is read: not an outage. The producer holds nothing of it.
                    s.window.removeNewest(f);
                    s.bufferRefused = f;
                }
                return false;
            case NO_METADATA:
                metadata.await(f);
                return false;
            default:
                f.accepted();
                return true;
        }
    }
}
