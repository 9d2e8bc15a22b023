package dev.kafkaspool.engine.shipping;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * The one way a record goes to the producer, whether it comes from memory, the spool or a parked
 * topic's store ({@link #hand}), and what a refusal of a record from memory or the spool means
 * ({@link #send}): a failure is an outage, a full buffer makes the spool take over, missing metadata
 * is waited for ({@link MetadataWait}).
 *
 * <p>A full buffer refuses a record at once and holds nothing of it: Kafka answers, more slowly
 * than the spool is read, which is not an outage. A record from the spool or a store that it
 * refused waits in {@link Shipment#bufferRefused} and goes again first, before anything more is
 * read from anywhere ({@link #refusedAgain}). Shipper thread only.
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

    /**
     * Hands a record to the producer, in the window, and returns the outcome the producer left it
     * with at once. A record the producer took lets go of what it no longer needs
     * ({@link InFlight#accepted}); one from the spool or a store that the full buffer refused, or
     * that waits behind a partition's first record ({@link FirstBatches}), leaves the window and
     * waits to go again first. The caller deals with the other refusals.
     */
    SendOutcome hand(InFlight f) {
        f.restamped = s.restamping.appliesTo(f.topic, f.timestampMillis);
        s.window.add(f);
        int partition = -1;
        if (!TopicNames.isValid(f.topic)) {
            f.onCompletion(null, new InvalidTopicException("'" + f.topic + "' is not a name Kafka accepts for a topic"));
        } else {
            try {
                Producer<byte[], byte[]> client = s.producer.client();
                ProducerRecord<byte[], byte[]> r = s.records.create(f, client);
                partition = r.partition();
                if (s.producer.firstBatches().admits(f.topic, partition, f.sentAtNanos)) {
                    f.sentAs(client.send(r, f));
                } else {
                    f.heldBack();
                }
            } catch (RuntimeException e) {
                f.onCompletion(null, e);
            }
        }
        SendOutcome o = f.outcome();
        switch (o) {
            case BACKPRESSURE:
                if (!f.isDirect()) {
                    s.window.removeNewest(f);
                    s.bufferRefused = f;
                }
                break;
            case NO_METADATA:
            case FAILED:
                break;
            default:
                f.accepted();
                if (o == SendOutcome.PENDING && s.producer.firstBatches().handed(f, partition, f.sentAtNanos)) {
                    s.producers.sendAtOnce(s.producer);
                }
        }
        return o;
    }

    /**
     * The record the full buffer refused, to go again through the current producer, when it came
     * from a parked topic's store ({@code parked}) or from the spool; null when no such record
     * waits. While one waits, nothing more is read from the other source either: the buffer is full
     * for every record.
     */
    InFlight refusedAgain(boolean parked) {
        InFlight refused = s.bufferRefused;
        if (refused == null || (refused.parkedIn != null) != parked) {
            return null;
        }
        s.bufferRefused = null;
        return refused.again(s.producer, s.ticker.nanos());
    }

    /** Sends a record from memory or the spool; false when the producer refused it (already dealt with). */
    boolean send(InFlight f) {
        switch (hand(f)) {
            case FAILED:
                trouble.sendFailed(f.failure());
                return false;
            case BACKPRESSURE:
                if (f.isDirect()) {
                    answers.leaveDirect();
                }
                return false;
            case NO_METADATA:
                metadata.await(f);
                return false;
            default:
                return true;
        }
    }
}
