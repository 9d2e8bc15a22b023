package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.EventQueue;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import java.util.HashSet;
import java.util.Set;

/**
 * What the parts of the {@link Shipper} share: where records come from (the queue, the spool, the
 * parked topics), the window of records in flight, the producer they go through, whether events go
 * straight from the queue to Kafka, when the spool is read next, and what is known of the topics'
 * metadata. Shipper thread only.
 */
final class Shipment {
    /**
     * The most records in flight. Records from the spool hold no bytes once the producer took
     * them; beyond this count, the producer's {@code buffer.memory} bounds them (a full buffer
     * refuses a record, which is sent again once there is room).
     */
    private static final int MAX_WINDOW_RECORDS = 100_000;

    /** The queue from the logging threads (memory durability), or null (disk durability). */
    final EventQueue queue;
    final CappedSpool cappedSpool;
    final Spool spool;
    /** The shipper's reads of {@link #spool}; rewind the spool through it. */
    final SpoolReadAhead reads;
    final ParkedTopics parked;
    final InFlightWindow window = new InFlightWindow();
    /** Records sent from memory the producer still holds, whose copies wait in the spool. */
    final HeldOriginals held;
    final Restamping restamping = new Restamping();
    /** Moves to parked stores that an outage abandoned, not to be moved again. */
    final MovedRecords moved = new MovedRecords();
    final ProducerLifecycle producers;
    final ProducerRecords records;
    final EngineCounters counters;
    final ProblemReporter problems;
    final Ticker ticker;
    /** The send time of records, read once per round and every few sends. */
    final SendClock sendClock;
    final long instanceId;
    final long stallNanos;
    /**
     * How long new events may wait in a full queue while Kafka answers (a tenth of
     * {@code blockTimeout}), instead of going to the spool: see {@link QueueRouting}.
     */
    final long holdNanos;
    /** The most bytes the window keeps of records sent from memory (half of {@code buffer.memory}). */
    private final long maxWindowBytes;

    /** The producer records go through; null until one is ready, and once one is abandoned. */
    ShippingProducer producer;
    /** Events from the queue go straight to the producer (memory durability only). */
    boolean direct;
    /** When the spool may be read again. */
    long nextAttemptNanos;
    /** How many times Kafka was found not taking records ({@link Trouble#outage}). */
    long outages;
    /** Topics the current producer has had records acknowledged for. */
    final AckedTopics ackedTopics = new AckedTopics();
    /**
     * A record of the spool or of a parked topic's store that the producer's full buffer refused
     * (it holds nothing of it): sent again before anything more is read from either
     * ({@link Sender#refusedAgain}); null when there is none, and after every rewind of its source.
     */
    InFlight bufferRefused;
    /** A spool record waits in the window for its topic's metadata; nothing more is read meanwhile. */
    boolean awaitingMetadata;
    /** The last failure of a record since Kafka last acknowledged one, described for messages; null when none. */
    String lastFailure;
    /** Since when records have been waiting for a new topic's metadata; 0 when none is. */
    long metadataMissingSinceNanos;
    /** Topics Kafka was asked about while they were missing from the metadata; cleared by an acknowledgement. */
    final Set<String> diagnosedTopics = new HashSet<>();
    /** When an answer last moved the window's head; the stall of the head counts from then at the earliest. */
    long headMovedNanos;

    Shipment(EventQueue queue, CappedSpool cappedSpool, ProducerLifecycle producers, ProducerRecords records,
             EngineCounters counters, ProblemReporter problems, Ticker ticker, long instanceId, long stallNanos,
             long holdNanos, long maxWindowBytes, long startNanos) {
        this.queue = queue;
        this.cappedSpool = cappedSpool;
        this.spool = cappedSpool.spool();
        this.reads = new SpoolReadAhead(spool);
        this.parked = cappedSpool.parked();
        this.producers = producers;
        this.records = records;
        this.counters = counters;
        this.problems = problems;
        this.ticker = ticker;
        this.sendClock = new SendClock(ticker);
        this.instanceId = instanceId;
        this.held = new HeldOriginals(instanceId);
        this.stallNanos = stallNanos;
        this.holdNanos = holdNanos;
        this.maxWindowBytes = maxWindowBytes;
        this.nextAttemptNanos = startNanos;
        this.headMovedNanos = startNanos;
    }

    /**
     * Whether Kafka takes records now: the producer has had records acknowledged, none waits for its
     * topic's metadata, and an answer moved the window within the last {@link #holdNanos}.
     */
    boolean kafkaAnswering(long now) {
        return producerAnswers() && now - headMovedNanos < holdNanos;
    }

    /**
     * Whether the producer takes records: it has had records acknowledged and none waits for its
     * topic's metadata; when an answer last moved the window is {@link #headMovedNanos}.
     */
    boolean producerAnswers() {
        return producer != null && !producer.isClosed() && !ackedTopics.isEmpty() && !awaitingMetadata;
    }

    /**
     * Room for another record: under the count, the bytes kept of records sent from memory under
     * their cap, and no partition's first record waiting for its answer ({@link FirstBatches}).
     */
    boolean windowHasRoom() {
        return window.size() < MAX_WINDOW_RECORDS && window.bytes() < maxWindowBytes
                && (producer == null || producer.firstBatches().open());
    }

    /** A failure as a sentence for a message, with the likely causes when the producer has no metadata. */
    String describe(Exception e) {
        if (e == null) {
            return "unknown failure";
        }
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        if (SendOutcome.of(e) == SendOutcome.NO_METADATA) {
            return text + " No metadata from " + producers.target() + ": the brokers cannot be reached there, "
                    + "the topic does not exist and is not created automatically, or security.protocol does not "
                    + "match the listener";
        }
        return text;
    }
}
