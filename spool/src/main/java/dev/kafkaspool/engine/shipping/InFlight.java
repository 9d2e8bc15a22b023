package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.ParkedTopic;
import dev.kafkaspool.engine.spool.Spool;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A record handed to the producer and not yet answered. The producer's I/O thread reports a
 * failure through the callback; the shipper thread reads an acknowledgement from the future
 * {@code send} returned ({@link #outcome()}). A record sent straight from memory keeps what is needed
 * to spool it, should Kafka not take it; a record from the spool keeps its spool position.
 *
 * <p>A copy of a record sent from memory, read from the spool while the producer still holds the
 * record itself ({@link HeldOriginals}), is not sent: it stands in the window for its original and
 * takes the original's answer, so the event is delivered and counted once.
 */
final class InFlight implements Callback {
    /** Spool position, or {@link #DIRECT} for a record sent from memory. */
    static final long DIRECT = -1;
    private static final byte[] NO_BYTES = new byte[0];

    final long spoolPosition;
    final long sentAtNanos;
    final long instanceId;
    final long sequence;
    final long timestampMillis;
    final LogLevel level;
    final String topic;
    final byte[] key;
    /** The value; let go once the producer took a record read from the spool or a parked store ({@link #accepted}). */
    byte[] value;
    private final InFlightWindow window;
    private final int generation;
    /** The producer it is sent through; null for a record never sent (a damaged one, a copy of a held original). */
    private final ShippingProducer producer;
    /** For a copy that is not sent, the record sent from memory whose answer it takes; otherwise null. */
    private final InFlight original;
    /** Sent with the send time as its Kafka timestamp ({@link Restamping}); set before it is sent. */
    boolean restamped;
    /** The parked store it was read from, or null for a record from the spool or from memory. */
    ParkedTopic parkedIn;
    /** Set by the producer's I/O thread for a failure, by the shipper thread otherwise. */
    private volatile SendOutcome outcome = SendOutcome.PENDING;
    private volatile Exception failure;
    /** What the producer's {@code send} returned; null until then, or when it threw. */
    private Future<RecordMetadata> answer;
    /** The shipper saw its future done without a failure; the shipper's alone, so a plain field. */
    private boolean acked;

    InFlight(InFlightWindow window, ShippingProducer producer, long spoolPosition, long sentAtNanos, long instanceId,
             long sequence, long timestampMillis, LogLevel level, String topic, byte[] key, byte[] value) {
        this.window = window;
        this.generation = window.generation();
        this.producer = producer;
        this.spoolPosition = spoolPosition;
        this.sentAtNanos = sentAtNanos;
        this.instanceId = instanceId;
        this.sequence = sequence;
        this.timestampMillis = timestampMillis;
        this.level = level;
        this.topic = topic;
        this.key = key;
        this.value = value;
        this.original = null;
    }

    /** The copy at {@code spoolPosition} of {@code original}, which the producer holds: not sent, it takes its answer. */
    InFlight(InFlightWindow window, long spoolPosition, InFlight original) {
        this.window = window;
        this.generation = window.generation();
        this.producer = null;
        this.spoolPosition = spoolPosition;
        this.sentAtNanos = original.sentAtNanos;
        this.instanceId = original.instanceId;
        this.sequence = original.sequence;
        this.timestampMillis = original.timestampMillis;
        this.level = original.level;
        this.topic = original.topic;
        this.key = original.key;
        this.value = original.value;
        this.restamped = original.restamped;
        this.original = original;
    }

    /**
     * The same record of the spool or a parked topic's store, to send again through {@code producer}
     * after the producer refused it at once.
     */
    InFlight again(ShippingProducer producer, long nowNanos) {
        InFlight copy = new InFlight(window, producer, spoolPosition, nowNanos, instanceId, sequence, timestampMillis,
                level, topic, key, value);
        copy.parkedIn = parkedIn;
        return copy;
    }

    boolean isDirect() {
        return spoolPosition == DIRECT;
    }

    /** Whether this is a copy that takes the answer of a record the producer holds. */
    boolean isHeldCopy() {
        return original != null;
    }

    /**
     * The answer so far. An acknowledgement is read from the future {@code send} returned, not
     * written by the callback: the producer completes a batch's futures together, after running
     * their callbacks, so a record whose future is done and whose callback set no failure is
     * acknowledged. The producer's I/O thread then writes nothing per acknowledged record into what
     * the shipper reads (one such write per record cost as much CPU on that thread as a bare
     * producer's whole I/O thread, the cache line going back and forth between the two threads), and
     * the shipper remembers an acknowledgement in a plain field: no fence per record either.
     */
    SendOutcome outcome() {
        if (original != null) {
            return original.outcome();
        }
        if (acked) {
            return SendOutcome.ACKED;
        }
        SendOutcome o = outcome;
        if (o != SendOutcome.PENDING || answer == null || !answer.isDone()) {
            return o;
        }
        // Read again once the future is done: a failure's callback may have run since the first read.
        o = outcome;
        if (o != SendOutcome.PENDING) {
            return o;
        }
        acked = true;
        return SendOutcome.ACKED;
    }

    /**
     * Kafka refused its timestamp, and it was not sent with the send time yet. Known from the
     * failure, which the callback keeps before it closes the producer and before it sets the
     * outcome: a shipper that finds the producer closed in between still finds the refused record.
     */
    boolean refusedTimestamp() {
        Exception e = failure();
        return e != null && !restamped && SendOutcome.isRefusedTimestamp(e);
    }

    /**
     * Kafka's answer for its batch is complete: the producer completes a batch's futures after
     * running all of its callbacks. Shipper thread.
     */
    boolean batchAnswered() {
        return answer != null && answer.isDone();
    }

    /** What the producer's {@code send} returned for it: done once Kafka answered. */
    void sentAs(Future<RecordMetadata> future) {
        answer = future;
    }

    Exception failure() {
        return original != null ? original.failure : failure;
    }

    /**
     * Called by the producer, on its I/O thread or, for an immediate failure, inside {@code send}.
     * A record Kafka gave up on closes its producer at once (see {@link ShippingProducer}).
     */
    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            return; // seen through the future: see outcome()
        }
        failure = exception;
        SendOutcome o = SendOutcome.of(exception);
        if (o == SendOutcome.TIMESTAMP_REFUSED && restamped) {
            // Refused with the send time as its timestamp too: the broker's clock is far from ours.
            o = SendOutcome.UNDELIVERABLE;
        }
        boolean stopsPartition = o == SendOutcome.FAILED || o == SendOutcome.TIMESTAMP_REFUSED;
        if (stopsPartition && producer != null) {
            // Before the shipper can see the outcome: the producer must send nothing after this record.
            producer.recordFailed(this);
        }
        outcome = o;
        if (stopsPartition || o == SendOutcome.BACKPRESSURE) {
            window.signalTrouble(generation);
        }
    }

    /**
     * The producer took it. A record read from the spool or a parked store is read from there
     * again should it have to be sent again, so its value is let go: the records in flight hold
     * no bytes the producer's buffer holds too. A record sent from memory keeps its value, to be
     * spooled should Kafka not take it.
     */
    void accepted() {
        if (!isDirect()) {
            value = NO_BYTES;
        }
    }

    /**
     * Not handed to the producer: it waits behind a partition's first record
     * ({@link FirstBatches}), and is treated as one the full buffer refused.
     */
    void heldBack() {
        outcome = SendOutcome.BACKPRESSURE;
    }

    /** Answers it as moved to its topic's parked store: nothing to send, nothing to count. */
    void parked() {
        outcome = SendOutcome.PARKED;
    }

    /** Copies this record's fields into a carrier, to spool it. */
    void copyTo(EncodedEvent e) {
        e.sequence(sequence).timestampMillis(timestampMillis).level(level).topic(topic)
                .key(key, key == null ? -1 : key.length).value(value, value.length);
    }
}
