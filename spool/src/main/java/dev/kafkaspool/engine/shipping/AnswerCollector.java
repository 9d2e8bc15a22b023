package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineState;
import java.util.concurrent.TimeUnit;

/**
 * Takes the answers that arrived since the last round, in order: trouble first (a failure, the
 * producer closed, a full buffer), then the answered records ({@link Answers}), a record that
 * waited for metadata, Kafka taking events again, and a head of the window Kafka has not
 * acknowledged for {@code stallTimeout}, or whose topic the producer has forgotten while nothing
 * more can be handed (an outage). Shipper thread only.
 */
final class AnswerCollector {
    /** How often the producer is asked for a waiting record's metadata while nothing more can be handed. */
    static final long FORGOTTEN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Shipment s;
    private final Answers answers;
    private final Trouble trouble;
    private final MetadataWait metadata;
    private final ShipperState state;
    private final InFlightWindow window;
    private final long stallNanos;
    /** When {@link #forgotten} last asked the producer. */
    private long checkedNanos;

    AnswerCollector(Shipment s, Answers answers, Trouble trouble, MetadataWait metadata, ShipperState state) {
        this.s = s;
        this.answers = answers;
        this.trouble = trouble;
        this.metadata = metadata;
        this.state = state;
        this.window = s.window;
        this.stallNanos = s.stallNanos;
    }

    /** Takes the answers that arrived, in order; notices failures and stalls. */
    boolean collectAnswers() {
        if (window.takeTrouble() || s.producer != null && s.producer.isClosed()) {
            trouble.handle();
        }
        boolean any = answers.takeAnsweredPrefix();
        boolean retried = metadata.retryAfterMetadata();
        if (any) {
            trouble.progressed();
            if (state.get() == EngineState.SPOOLING || state.get() == EngineState.STARTING) {
                state.change(s.direct ? EngineState.SHIPPING : EngineState.DRAINING, null);
            }
        }
        long now = s.ticker.nanos();
        if (any) {
            s.headMovedNanos = now;
        }
        InFlight head = window.head();
        // A slow Kafka (a produce quota, a deep producer buffer) acknowledges the head's predecessors
        // late but steadily: the stall counts from the later of the head's send and the last move.
        if (head != null && head.outcome() == SendOutcome.PENDING && now - head.sentAtNanos > stallNanos
                && now - s.headMovedNanos > stallNanos) {
            trouble.outage("Kafka has not acknowledged a record for " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms");
            return true;
        }
        Exception forgotten = head != null && head.outcome() == SendOutcome.PENDING ? forgotten(head.topic, now) : null;
        if (forgotten != null) {
            trouble.outage(s.describe(forgotten));
            return true;
        }
        return any || retried;
    }

    /**
     * While nothing more can be handed (the window is full, or a partition's first record waits for
     * its answer, {@link FirstBatches}), no send finds out that the producer lost its brokers, as
     * one does otherwise ({@link MetadataWait}): the producer is asked every
     * {@link #FORGOTTEN_CHECK_NANOS} whether it still has the metadata of the waiting record's
     * topic. Missing for a topic it has written to, Kafka is gone: an outage now, not after
     * {@code stallTimeout}.
     *
     * @return why the producer would refuse the topic's records, or null
     */
    private Exception forgotten(String topic, long now) {
        if (now - checkedNanos < FORGOTTEN_CHECK_NANOS || s.windowHasRoom() || s.producer == null
                || s.producer.isClosed() || !s.ackedTopics.contains(topic)) {
            return null;
        }
        checkedNanos = now;
        return s.producer.missingMetadata(topic);
    }
}
