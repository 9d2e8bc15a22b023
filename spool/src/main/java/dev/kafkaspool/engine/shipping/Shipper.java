package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EventQueue;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.ParkedTopic;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import java.util.concurrent.CountDownLatch;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InvalidTopicException;

/**
 * The engine's one thread that talks to Kafka. It takes events from the queue in order and
 * either sends them straight to the producer (memory durability, spool empty, Kafka healthy) or
 * appends them to the spool, and it ships the spool in order. It never waits for the network:
 * the producer runs with {@code max.block.ms=0}, so a send Kafka cannot take fails at once.
 *
 * <p>Ordering rules that keep each partition in logging order:
 * <ul>
 *   <li>events go straight to Kafka only once the spool is read to its end;</li>
 *   <li>when the shipper stops sending straight to Kafka, for whatever reason, every record sent
 *       from memory and not yet acknowledged is copied to the spool first, before any newer event
 *       (a copy Kafka also received later becomes a duplicate with the same event id);</li>
 *   <li>when Kafka fails a record, the producer is abandoned with everything it holds (closed
 *       from the failed record's callback, before it sends anything more: {@link ShippingProducer})
 *       and the spool is re-read from the last record acknowledged in order.</li>
 *   <li>a topic Kafka does not take records for (missing, not authorised) while it takes the
 *       others is parked ({@link ParkedTopics}): its records move from the spool to its own store,
 *       in order, and are shipped from there once Kafka takes the topic; the others go on.</li>
 *   <li>a record whose timestamp Kafka refused is read again with its topic's older records and
 *       sent with the send time as its timestamp ({@link Restamping}).</li>
 * </ul>
 */
public final class Shipper implements Runnable, EventQueue.Consumer {
    private static final int DRAIN_BATCH = 2048;
    private static final int MAX_DAMAGE_REPORTS = 10;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int MAX_WINDOW_RECORDS = 100_000;
    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** At stop, how long the producer may go without a connection before the spool is left for the next start. */
    private static final long STOP_CONNECT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventQueue queue;
    private final CappedSpool cappedSpool;
    private final Spool spool;
    private final ParkedTopics parked;
    private final Restamping restamping = new Restamping();
    private final ParkedShipping parkedShipping;
    private final InFlightWindow window = new InFlightWindow();
    private final ProducerLifecycle producers;
    private final ProducerRecords records;
    private final EngineCounters counters;
    private final ProblemReporter problems;
    private final Ticker ticker;
    private final long instanceId;
    private final long stallNanos;
    private final long maxWindowBytes;
    private final long startNanos;
    private final SpoolRecord spoolRecord = new SpoolRecord();
    private final EncodedEvent respool = new EncodedEvent();
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShippingProducer producer;
    /** Events from the queue go straight to the producer (memory durability only). */
    private boolean direct;
    private long nextAttemptNanos;
    /** Topics the current producer has had records acknowledged for: missing metadata for one of these means an outage. */
    private final Set<String> ackedTopics = new HashSet<>();
    /** A spool record waits in the window for its topic's metadata; nothing more is read meanwhile. */
    private boolean awaitingMetadata;
    /** Since when records have been waiting for a new topic's metadata; 0 when none is. */
    private long metadataMissingSinceNanos;
    /** Topics Kafka was asked about while they were missing from the metadata; cleared by an acknowledgement. */
    private final Set<String> diagnosedTopics = new HashSet<>();
    /** When an answer last moved the window's head; the stall of the head counts from then at the earliest. */
    private long headMovedNanos;
    private long backoffNanos = MIN_BACKOFF_NANOS;
    private int idleRounds;
    private int damagedReported;
    private volatile EngineState state = EngineState.STARTING;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile long stopDeadlineNanos;

    public Shipper(EventQueue queue, CappedSpool cappedSpool, ProducerLifecycle producers, ProducerRecords records,
            EngineCounters counters, ProblemReporter problems, Ticker ticker, long instanceId,
            long stallNanos, long maxWindowBytes) {
        this.queue = queue;
        this.cappedSpool = cappedSpool;
        this.spool = cappedSpool.spool();
        this.parked = cappedSpool.parked();
        this.parkedShipping = new ParkedShipping(parked, window, records, restamping, problems, ticker,
                this::windowHasRoom);
        this.producers = producers;
        this.records = records;
        this.counters = counters;
        this.problems = problems;
        this.ticker = ticker;
        this.instanceId = instanceId;
        this.stallNanos = stallNanos;
        this.maxWindowBytes = maxWindowBytes;
        this.startNanos = ticker.nanos();
        this.nextAttemptNanos = startNanos;
        this.headMovedNanos = startNanos;
    }

    public EngineState state() {
        return state;
    }

    public Thread thread() {
        return thread;
    }

    /** Asks the thread to finish: ship what it can until the deadline, spool the rest, close. */
    public void requestStop(long deadlineNanos) {
        stopDeadlineNanos = deadlineNanos;
        stopRequested = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits for the thread to finish, up to the deadline; true when it did. */
    public boolean awaitFinished(long deadlineNanos) {
        try {
            return finished.await(Math.max(0, deadlineNanos - ticker.nanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (!stopRequested) {
                try {
                    idle(step());
                } catch (RuntimeException | Error e) { // NOPMD: whatever happens, the shipper goes on
                    problems.failure("the shipper hit an unexpected error and goes on after a pause: " + e, e);
                    outage("unexpected error " + e);
                    LockSupport.parkNanos(MAX_BACKOFF_NANOS);
                }
            }
            finish();
        } finally {
            state = EngineState.STOPPED;
            finished.countDown();
        }
    }

    /** One round of work; true when it did something. */
    private boolean step() {
        spool.maintain();
        parked.maintain();
        boolean worked = collectAnswers();
        if (queue != null && queue.size() > 0) {
            if (!direct || windowHasRoom()) {
                queue.poll(this);
                worked = true;
            } else if (queue.isFull()) {
                // Kafka is slower than logging and both buffers are full: spool instead of waiting.
                leaveDirect();
                worked = true;
            }
        }
        worked |= drainWhenDue();
        if (producer != null && !producer.isClosed()) {
            worked |= parkedShipping.ship(producer, DRAIN_BATCH) > 0;
            if (parkedShipping.outageCause() != null) {
                outage(describe(parkedShipping.outageCause()));
            }
        }
        return worked;
    }

    /** Gets a producer if there is none, then ships from the spool when it is the spool's turn; true when it did. */
    private boolean drainWhenDue() {
        if (producer == null) {
            Producer<byte[], byte[]> created = producers.poll();
            if (created != null) {
                producer = new ShippingProducer(created, Thread.currentThread(), problems);
            }
        }
        if (!direct && producer != null && !awaitingMetadata && ticker.nanos() - nextAttemptNanos >= 0) {
            return drain();
        }
        return false;
    }

    /** Routes one event from the queue; returns whether to take the next one now. */
    @Override
    public boolean onEvent(EncodedEvent event) {
        if (!direct) {
            cappedSpool.append(instanceId, event);
            return true;
        }
        ParkedTopic p = parked.get(event.topic());
        if (p != null) {
            cappedSpool.append(instanceId, event, p.store);
            return windowHasRoom();
        }
        InFlight f = new InFlight(window, producer, InFlight.DIRECT, ticker.nanos(), instanceId, event.sequence(),
                event.timestampMillis(), event.level(), event.topic(), event.copyKey(), event.copyValue());
        send(f);
        return !direct || windowHasRoom();
    }

    /** Ships records from the spool, in order, as far as the window allows. */
    private boolean drain() {
        int sent = 0;
        while (sent < DRAIN_BATCH && windowHasRoom()) {
            if (!spool.read(spoolRecord)) {
                spoolReadToEnd();
                break;
            }
            SpoolRecord r = spoolRecord;
            if (r.damage != null) {
                skipDamaged(r);
                sent++;
                continue;
            }
            ParkedTopic p = parked.get(r.topic);
            if (p != null) {
                parkedShipping.move(p, r);
                sent++;
                continue;
            }
            InFlight f = new InFlight(window, producer, r.position, ticker.nanos(), r.instanceId, r.sequence,
                    r.timestampMillis, r.level, r.topic, r.key, r.value);
            sent++;
            if (!send(f)) {
                break;
            }
        }
        return sent > 0;
    }

    /**
     * A spooled record whose bytes are damaged cannot be shipped: it joins the window already
     * answered as undeliverable, so it is counted as dropped ({@code spoolError}) and committed in
     * its turn, and the records after it flow.
     */
    private void skipDamaged(SpoolRecord r) {
        if (damagedReported++ < MAX_DAMAGE_REPORTS) {
            problems.warn(r.damage + "; it is dropped (counted as spoolError) and the records after it are shipped"
                    + (damagedReported == MAX_DAMAGE_REPORTS ? "; further damaged records are only counted" : ""), null);
        }
        InFlight f = new InFlight(window, null, r.position, ticker.nanos(), 0, 0, 0, LogLevel.INFO, "", null, NO_BYTES);
        f.onCompletion(null, new SpoolException(r.damage, null));
        window.add(f);
    }

    private void spoolReadToEnd() {
        if (queue != null) {
            direct = true;
        }
        if (state != EngineState.SPOOLING && state != EngineState.STARTING || window.isEmpty()) {
            changeState(EngineState.SHIPPING, null);
        }
    }

    /** Hands a record to the producer; false when the send failed at once (already dealt with). */
    private boolean send(InFlight f) {
        f.restamped = restamping.appliesTo(f.topic, f.timestampMillis);
        window.add(f);
        if (!TopicNames.isValid(f.topic)) {
            f.onCompletion(null, new InvalidTopicException("'" + f.topic + "' is not a name Kafka accepts for a topic"));
            return true;
        }
        try {
            producer.client().send(records.create(f, producer.client()), f);
        } catch (RuntimeException e) {
            f.onCompletion(null, e);
        }
        switch (f.outcome()) {
            case FAILED:
                outage(describe(f.failure()));
                return false;
            case BACKPRESSURE:
                if (f.isDirect()) {
                    leaveDirect();
                } else {
                    outage("the producer's buffer is full");
                }
                return false;
            case NO_METADATA:
                awaitMetadata(f);
                return false;
            default:
                return true;
        }
    }

    /**
     * The producer refused a record because it has no metadata for its topic yet, and is fetching
     * it now. For a topic it has written to before, Kafka is gone: an outage. For a new topic (the
     * first records after a start, or a topic first used later, such as the error topic), the
     * record waits: a record from memory goes to the spool (after the others from memory, so order
     * holds), a record from the spool is read again once every record before it is answered. Only
     * when the metadata stays missing for {@code stallTimeout} is it an outage.
     */
    private void awaitMetadata(InFlight f) {
        long now = ticker.nanos();
        if (ackedTopics.contains(f.topic)) {
            outage(describe(f.failure()));
            return;
        }
        if (metadataMissingSinceNanos == 0) {
            metadataMissingSinceNanos = now;
        } else if (now - metadataMissingSinceNanos > stallNanos && parkable()
                && parked.park(f.topic, "missing from the producer's metadata for "
                        + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms while Kafka answers")) {
            // Kafka answers for the other topics: this one waits in its own store, the others go on.
            metadataMissingSinceNanos = 0;
            if (diagnosedTopics.add(f.topic)) {
                producers.diagnose(f.topic, java.time.Duration.ofNanos(stallNanos));
            }
        } else if (now - metadataMissingSinceNanos > stallNanos) {
            // Stays set until a record is acknowledged: later retries go straight to the outage's back-off.
            outage("topic " + f.topic + " has been missing from the producer's metadata for "
                    + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms (" + describe(f.failure()) + ")");
            if (diagnosedTopics.add(f.topic)) {
                producers.diagnose(f.topic, java.time.Duration.ofNanos(stallNanos));
            }
            return;
        }
        if (f.isDirect()) {
            leaveDirect();
        } else {
            awaitingMetadata = true;
        }
        nextAttemptNanos = now + MIN_BACKOFF_NANOS;
    }

    /** Whether Kafka answers at all (another topic was acknowledged, or the producer is connected). */
    private boolean parkable() {
        return !ackedTopics.isEmpty() || producer.isConnected();
    }

    /** Once every record before one that waits for metadata is answered, reads it again after a pause. */
    private boolean retryAfterMetadata() {
        InFlight head = window.head();
        if (head == null || head.outcome() != SendOutcome.NO_METADATA) {
            return false;
        }
        window.removeHead();
        spool.rewind();
        awaitingMetadata = false;
        nextAttemptNanos = Math.max(nextAttemptNanos, ticker.nanos() + MIN_BACKOFF_NANOS);
        return true;
    }

    /** Takes the answers that arrived, in order; notices failures and stalls. */
    private boolean collectAnswers() {
        if (window.takeTrouble() || producer != null && producer.isClosed()) {
            handleTrouble();
        }
        boolean any = takeAnsweredPrefix();
        boolean retried = retryAfterMetadata();
        if (any) {
            backoffNanos = MIN_BACKOFF_NANOS;
            if (state == EngineState.SPOOLING || state == EngineState.STARTING) {
                changeState(direct ? EngineState.SHIPPING : EngineState.DRAINING, null);
            }
        }
        long now = ticker.nanos();
        if (any) {
            headMovedNanos = now;
        }
        InFlight head = window.head();
        // A slow Kafka (a produce quota, a deep producer buffer) acknowledges the head's predecessors
        // late but steadily: the stall counts from the later of the head's send and the last move.
        if (head != null && head.outcome() == SendOutcome.PENDING && now - head.sentAtNanos > stallNanos
                && now - headMovedNanos > stallNanos) {
            outage("Kafka has not acknowledged a record for " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms");
            return true;
        }
        return any || retried;
    }

    /** Counts the answered records at the window's head and commits the spool up to the last of them. */
    private boolean takeAnsweredPrefix() {
        long commitPosition = -1;
        boolean any = false;
        while (!window.isEmpty() && countIfAnswered(window.head())) {
            InFlight head = window.removeHead();
            if (head.parkedIn != null) {
                head.parkedIn.store.commit(head.spoolPosition);
                head.parkedIn.answered();
                parked.checkShipped(head.parkedIn);
            } else if (!head.isDirect()) {
                commitPosition = head.spoolPosition;
            }
            any = true;
        }
        if (commitPosition >= 0) {
            spool.commit(commitPosition);
        }
        return any;
    }

    /** Counts an acknowledged or undeliverable record; false when it still needs sending. */
    private boolean countIfAnswered(InFlight f) {
        SendOutcome outcome = f.outcome();
        if (outcome == SendOutcome.ACKED) {
            ackedTopics.add(f.topic);
            if (metadataMissingSinceNanos != 0) {
                metadataMissingSinceNanos = 0;
                diagnosedTopics.clear();
            }
            counters.shipped(!f.isDirect(), f.sendLatencyNanos());
            if (f.restamped) {
                counters.restamp();
            }
            if (f.parkedIn != null) {
                f.parkedIn.delivered();
            }
            return true;
        }
        if (outcome == SendOutcome.PARKED) {
            return true;
        }
        if (outcome == SendOutcome.UNDELIVERABLE) {
            DropReason reason = SendOutcome.dropReasonOf(f.failure());
            counters.dropped(reason);
            problems.dropped(reason);
            if (reason == DropReason.INVALID_TOPIC || reason == DropReason.REJECTED) {
                problems.refusedOnce(f.topic, reason, describe(f.failure()));
            }
            return true;
        }
        return false;
    }

    private void handleTrouble() {
        if (restampRefused() || parkUnauthorised()) {
            return;
        }
        InFlight failed = window.first(SendOutcome.FAILED);
        if (failed != null) {
            outage(describe(failed.failure()));
        } else if (producer != null && producer.isClosed()) {
            // A record no longer in the window (copied to the spool when sending from memory stopped) failed.
            outage(describe(producer.abandonedFor()));
        } else if (direct && window.first(SendOutcome.BACKPRESSURE) != null) {
            leaveDirect();
        }
    }

    /**
     * Kafka refused a produce because the client may not write to its topic (it may describe it):
     * the topic is parked, or, parked already, tried again later; everything in flight is read again.
     *
     * @return false for any other failure
     */
    private boolean parkUnauthorised() {
        InFlight failed = window.first(SendOutcome.FAILED);
        Exception cause = producer != null && producer.abandonedFor() != null ? producer.abandonedFor()
                : failed != null ? failed.failure() : null;
        String topic = SendOutcome.unauthorisedTopic(cause);
        if (topic == null || !parked.isParked(topic) && !parked.park(topic, describe(cause))) {
            return false;
        }
        abandonInFlight();
        parked.get(topic).notYet(ticker.nanos());
        nextAttemptNanos = ticker.nanos();
        return true;
    }

    /**
     * Kafka refused the timestamps of records (the producer closed itself at the first): they and
     * their topics' older records are read again and sent with the send time as their timestamp.
     *
     * @return false when no record in the window was refused
     */
    private boolean restampRefused() {
        if (!restamping.takeRefused(window, ticker.millis(), problems)) {
            return false;
        }
        abandonInFlight();
        nextAttemptNanos = ticker.nanos();
        return true;
    }

    /**
     * Stops sending from memory: records sent from memory and not acknowledged are copied to the
     * spool, in order, ahead of everything that comes after them.
     */
    private void leaveDirect() {
        direct = false;
        for (InFlight f : window.removeDirect()) {
            if (!countIfAnswered(f)) {
                f.copyTo(respool);
                cappedSpool.append(f.instanceId, respool);
            }
        }
    }

    /** Kafka is not taking records: spool from now on, abandon the producer, re-read the spool later. */
    private void outage(String cause) {
        abandonInFlight();
        nextAttemptNanos = ticker.nanos() + backoffNanos;
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
        changeState(EngineState.SPOOLING, cause);
    }

    /** Abandons what is in flight, and the producer when it holds any of it; the spool is read again. */
    private void abandonInFlight() {
        // Records the producer accepted and still holds: abandon the producer with them, or it
        // would deliver them later, out of order with the spool. A producer that only refused
        // records at once holds nothing and keeps fetching metadata: keep it.
        boolean producerHoldsRecords = window.first(SendOutcome.PENDING) != null;
        leaveDirect();
        takeAnsweredPrefix();
        if (producer != null && (producerHoldsRecords || producer.isClosed())) {
            producers.retire(producer);
            producer = null;
            ackedTopics.clear();
        }
        awaitingMetadata = false;
        window.reset();
        spool.rewind();
        parked.abandonAll();
    }

    private void changeState(EngineState next, String cause) {
        EngineState previous = state;
        if (previous == next || previous == EngineState.STOPPED) {
            return;
        }
        state = next;
        if (next == EngineState.SPOOLING) {
            boolean stillStarting = previous == EngineState.STARTING && ticker.nanos() - startNanos < stallNanos;
            if (!stillStarting) {
                problems.warn("Kafka is not taking events (" + cause + "); spooling to the "
                        + spool.description() + ", " + spool.pendingRecords() + " event(s) waiting", null);
            } else {
                state = EngineState.STARTING;
            }
        } else if (next == EngineState.DRAINING && previous == EngineState.STARTING) {
            problems.info("connected to Kafka; shipping " + spool.pendingRecords()
                    + " spooled event(s) before new ones");
        } else if (next == EngineState.DRAINING) {
            problems.info("Kafka is taking events again; shipping " + spool.pendingRecords()
                    + " spooled event(s) before new ones");
        } else if (next == EngineState.SHIPPING && previous != EngineState.STARTING) {
            problems.info(queue != null ? "the spool is shipped; events go to Kafka directly again"
                    : "Kafka has caught up with the spool");
        }
    }

    /**
     * Ships what is in memory until the deadline, and what the spool holds while Kafka takes it (for
     * at most three quarters of the time left), spools what is left, closes the producer and spool.
     */
    private void finish() {
        long deadline = stopDeadlineNanos;
        long drainDeadline = ticker.nanos() + Math.max(0, deadline - ticker.nanos()) / 4 * 3;
        if (queue != null) {
            while (queue.size() > 0) {
                if (direct && !windowHasRoom()) {
                    if (ticker.nanos() - deadline >= 0) {
                        leaveDirect();
                    } else {
                        collectAnswers();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                        continue;
                    }
                }
                queue.poll(this);
            }
        }
        drainSpoolBeforeStop(drainDeadline);
        while (!window.isEmpty() && ticker.nanos() - deadline < 0) {
            collectAnswers();
            if (!window.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        collectAnswers();
        leaveDirect();
        long remaining = Math.max(0, deadline - ticker.nanos());
        producers.shutdown(producer, java.time.Duration.ofNanos(remaining));
        producer = null;
        long lost = spool.persist() + parked.persist();
        for (long i = 0; i < lost; i++) {
            counters.dropped(DropReason.STOPPED);
        }
        if (lost > 0) {
            problems.warn(lost + " event(s) were in the memory spool at stop and are lost (the disk spool "
                    + "could not take them)", null);
        }
    }

    /**
     * At stop, ships the spool too, in order, until it is shipped or the deadline passes, unless
     * Kafka is known to be down (spooling) or the producer has had no connection for a second (Kafka
     * down since the start, not yet known as an outage): a process that stops soon after it started would
     * otherwise leave the events it logged before its producer was ready in the spool, for a next
     * process on the same directory that may never come (a Kubernetes Job with an {@code emptyDir}).
     */
    private void drainSpoolBeforeStop(long drainDeadline) {
        long unconnectedSince = 0;
        while (ticker.nanos() - drainDeadline < 0 && state != EngineState.SPOOLING
                && (spool.pendingRecords() > 0 || !window.isEmpty())) {
            boolean worked = collectAnswers();
            worked |= drainWhenDue();
            if (producer != null && !producer.isConnected()) {
                long now = ticker.nanos();
                if (unconnectedSince == 0) {
                    unconnectedSince = now;
                } else if (now - unconnectedSince > STOP_CONNECT_NANOS) {
                    // Kafka cannot be reached (down since the start, within stallTimeout): do not hold up the stop.
                    problems.info("stopping: no connection to Kafka at " + producers.target() + "; "
                            + spool.pendingRecords() + " event(s) stay in the " + spool.description());
                    return;
                }
            } else {
                unconnectedSince = 0;
            }
            if (!worked) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private boolean windowHasRoom() {
        return window.size() < MAX_WINDOW_RECORDS && window.bytes() < maxWindowBytes;
    }

    private void idle(boolean worked) {
        if (worked) {
            idleRounds = 0;
            return;
        }
        idleRounds++;
        long pause = idleRounds < 10 ? 100_000 : idleRounds < 1000 ? 1_000_000 : 5_000_000;
        LockSupport.parkNanos(pause);
    }

    private String describe(Exception e) {
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
