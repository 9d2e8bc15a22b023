package dev.kafkaspool.engine.shipping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a producer's first record on each partition alone in flight until Kafka has answered it;
 * the records behind it wait. One producer's, made with it ({@link ShippingProducer}).
 *
 * <p>Why: the producer runs with several requests in flight per connection, and the idempotent
 * producer keeps a partition in order across them by sequence numbers, which a broker checks
 * against what it has written from that producer. A broker that has written nothing from a
 * producer on a partition takes any sequence: when it refuses the producer's first batch there for
 * good (a timestamp outside the topic's bounds) and the second batch is already in flight, it
 * writes the second, and the refused events, sent again, land behind newer ones. So the first
 * record goes alone, in a batch of its own, and nothing more of any partition is handed until
 * Kafka acknowledged it. Once it has, the broker holds the producer's state for that partition and
 * refuses a batch that does not follow the last one it wrote; a failure closes the producer
 * (its callback, {@link ShippingProducer}), and the next producer starts here again.
 *
 * <p>A partition that no record went to for {@link #IDLE_NANOS} is treated as new: a broker
 * forgets a producer's state on a partition after {@code producer.id.expiration.ms} without a
 * batch from it (a day by default).
 *
 * <p><b>Not thread-safe</b>: the shipper thread's.
 */
final class FirstBatches {
    /** How long a partition may go without a record before its next record goes alone again. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long NEVER = Long.MIN_VALUE;

    /** Per topic, per partition: when a record last went there after Kafka acknowledged one, or {@link #NEVER}. */
    private final Map<String, long[]> lastSent = new HashMap<>();
    /** The topic last looked up, and its entry: most records go to the topic of the one before. */
    private String lastTopic;
    private long[] lastTopicSent;
    /** The first record on a partition, handed and not answered yet, or null. */
    private InFlight awaited;
    private int awaitedPartition;

    /**
     * Whether records may be handed: false while a first record on a partition waits for its
     * answer. An acknowledgement opens its partition; another answer (the record dropped as
     * undeliverable) leaves it new, and a failure closes the producer.
     */
    boolean open() {
        InFlight f = awaited;
        if (f == null) {
            return true;
        }
        SendOutcome o = f.outcome();
        if (o == SendOutcome.PENDING) {
            return false;
        }
        awaited = null;
        if (o == SendOutcome.ACKED) {
            acknowledged(f.topic, awaitedPartition, f.sentAtNanos);
        }
        return true;
    }

    /** Kafka acknowledged a record sent at {@code sentAtNanos} on {@code partition} of {@code topic}. */
    void acknowledged(String topic, int partition, long sentAtNanos) {
        sentOn(topic, partition)[partition] = sentAtNanos;
    }

    /**
     * Whether a record for {@code partition} of {@code topic} may be handed at {@code nowNanos}:
     * always when Kafka has acknowledged one there, lately; otherwise only when no first record is
     * waiting for its answer.
     */
    boolean admits(String topic, int partition, long nowNanos) {
        return open() || isKnown(topic, partition, nowNanos);
    }

    /**
     * The producer took {@code f} for {@code partition} at {@code nowNanos}. When it is the first
     * there, nothing more is handed until Kafka answered it.
     *
     * @return whether it is the partition's first record: the producer should send it at once
     *     rather than after {@code linger.ms} ({@link ProducerFlusher})
     */
    boolean handed(InFlight f, int partition, long nowNanos) {
        long[] sent = sentOn(f.topic, partition);
        if (isKnown(sent, partition, nowNanos)) {
            sent[partition] = nowNanos;
            return false;
        }
        sent[partition] = NEVER;
        awaited = f;
        awaitedPartition = partition;
        return true;
    }

    private boolean isKnown(String topic, int partition, long nowNanos) {
        return isKnown(sentOn(topic, partition), partition, nowNanos);
    }

    private static boolean isKnown(long[] sent, int partition, long nowNanos) {
        long last = sent[partition];
        return last != NEVER && nowNanos - last < IDLE_NANOS;
    }

    /** The topic's entry, with room for {@code partition}. */
    private long[] sentOn(String topic, int partition) {
        long[] sent = topic.equals(lastTopic) ? lastTopicSent : lastSent.get(topic);
        if (sent == null || sent.length <= partition) {
            int from = sent == null ? 0 : sent.length;
            sent = sent == null ? new long[partition + 1] : Arrays.copyOf(sent, partition + 1);
            Arrays.fill(sent, from, sent.length, NEVER);
            lastSent.put(topic, sent);
        }
        lastTopic = topic;
        lastTopicSent = sent;
        return sent;
    }
}
