package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SecretMask;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.shipping.ProducerFactory;
import dev.kafkaspool.engine.shipping.ProducerLifecycle;
import dev.kafkaspool.engine.shipping.ProducerRecords;
import dev.kafkaspool.engine.shipping.Shipper;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine: takes encoded events from logging threads and gets them into Kafka through any
 * broker state, keeping what Kafka cannot take yet in a spool on local disk.
 *
 * <p>A logging thread calls {@link #nextSequence()}, encodes its event with that sequence (the
 * event id is {@code EventIds.write(instanceId(), sequence)}), and calls {@link #submit}. Submit
 * copies the event into the in-memory queue (memory durability) or appends it to the spool
 * (disk durability) and returns; it never touches the network. The engine's own threads do the
 * rest; {@link #isOwnThread} names them so appenders can keep their logs out.
 *
 * <p><b>Thread-safe.</b> {@link #submit} may be called from any number of threads.
 */
public final class SpoolEngine implements AutoCloseable {
    private static final long WAIT_PAUSE_NANOS = 50_000;

    private final SpoolConfig config;
    private final long instanceId;
    private final AtomicLong sequence = new AtomicLong();
    private final EngineCounters counters = new EngineCounters();
    private final ProblemReporter problems;
    private final Ticker ticker;
    private final SpoolDirectory directory;
    private final CappedSpool spool;
    private final EventQueue queue;
    private final ProducerLifecycle producers;
    private final Shipper shipper;
    private final String networkThreadName;
    private final long blockTimeoutNanos;
    private final AtomicInteger submitsInProgress = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean closed;
    /** The spool's gauges when it closed: {bytes, records, oldest timestamp}; null while open. */
    private volatile long[] closedSpoolGauges;

    private SpoolEngine(Builder b) {
        this.config = b.config;
        this.ticker = b.ticker;
        this.instanceId = ThreadLocalRandom.current().nextLong();
        this.problems = new ProblemReporter(config.name(), SecretMask.of(config.producerProperties()).wrap(b.status),
                counters, ticker);
        this.blockTimeoutNanos = config.blockTimeout().toNanos();
        this.networkThreadName = "kafka-producer-network-thread | " + config.clientId();
        problems.info("starting: " + config.describe());

        EngineSpool opened = EngineSpool.open(config, counters, problems, ticker);
        this.directory = opened.directory;
        this.spool = opened.spool;
        this.queue = config.durability() == Durability.MEMORY ? new EventQueue(config.queueSize(), config.queueMaxBytes()) : null;
        Map<String, Object> producerProperties = config.producerProperties();
        this.producers = new ProducerLifecycle(config.name(), b.producerFactory, producerProperties, b.topics,
                problems);
        this.shipper = new Shipper(queue, spool, producers, new ProducerRecords(b.headers, instanceId), counters, problems,
                ticker, instanceId, config.stallTimeout().toNanos(), config.answeringWait().toNanos(),
                maxWindowBytes(producerProperties));
        Thread t = new Thread(shipper, "kafka-spool-" + config.name() + "-shipper");
        t.setDaemon(true);
        t.start();
    }

    /** Starts building an engine for this configuration. */
    public static Builder builder(SpoolConfig config) {
        return new Builder(config);
    }

    /** This run's random instance id: the first part of every event id it assigns. */
    public long instanceId() {
        return instanceId;
    }

    /** The next sequence number, the second part of the event id. Any thread. */
    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    public SpoolConfig config() {
        return config;
    }

    /**
     * Hands an event to the engine. Copies it before returning, so the caller may reuse it. Never
     * waits for the network; it may wait up to {@code blockTimeout} when the queue is full, when
     * the spool is full under the block policy or while Kafka drains it, and up to a tenth of it
     * for room in a full queue that Kafka is draining. Never throws.
     *
     * @return true when the event was taken; false when it was dropped (and counted)
     */
    public boolean submit(EncodedEvent event) {
        counters.accept();
        submitsInProgress.incrementAndGet();
        try {
            if (stopping.get()) {
                return drop(DropReason.STOPPED);
            }
            if (queue == null) {
                return spool.appendFromLogging(instanceId, event);
            }
            return handOff(event);
        } catch (RuntimeException e) {
            problems.failure("an event could not be handed off: " + e, e);
            return drop(DropReason.SPOOL_ERROR);
        } catch (OutOfMemoryError e) { // NOPMD: a log call never throws; the heap is the application's
            problems.failure("an event could not be handed off: the heap is full (" + e.getMessage() + "); lower "
                    + "queueMaxBytes or the events' size limits", null);
            return drop(DropReason.QUEUE_FULL);
        } finally {
            submitsInProgress.decrementAndGet();
        }
    }

    private boolean handOff(EncodedEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        long deadline = ticker.nanos() + blockTimeoutNanos;
        do {
            LockSupport.parkNanos(WAIT_PAUSE_NANOS);
            if (queue.offer(event)) {
                return true;
            }
        } while (ticker.nanos() - deadline < 0 && !stopping.get());
        return drop(stopping.get() ? DropReason.STOPPED : DropReason.QUEUE_FULL);
    }

    private boolean drop(DropReason reason) {
        counters.dropped(reason);
        problems.dropped(reason);
        return false;
    }

    /**
     * True for threads of the engine and of its Kafka producer. Appenders drop events logged on
     * them, so the Kafka client's own logs never re-enter the appender.
     */
    public boolean isOwnThread(Thread t) {
        return t == shipper.thread() || t == producers.thread() || t == producers.diagnosisThread()
                || t == producers.flusherThread()
                || t.getName().equals(networkThreadName) || t.getName().equals(producers.diagnosisAdminThreadName());
    }

    public EngineState state() {
        return closed ? EngineState.STOPPED : shipper.state();
    }

    /** Counters and gauges now. */
    public EngineStats stats() {
        long[] gauges = closedSpoolGauges;
        if (gauges == null) {
            gauges = spoolGauges();
        }
        long age = gauges[2] < 0 ? 0 : Math.max(0, ticker.millis() - gauges[2]);
        return new EngineStats(state(), counters, gauges[0], gauges[1], age, !(spool.spool() instanceof MemorySpool),
                problem());
    }

    /** See {@link EngineStats#problem()}. */
    private String problem() {
        String spoolProblem = spool.spool().degradation();
        if (spoolProblem != null) {
            return spoolProblem;
        }
        String parkedTopics = spool.parked().names();
        if (!parkedTopics.isEmpty()) {
            return "Kafka does not take events for topic(s) " + parkedTopics + " yet; they are parked in the spool";
        }
        long lastDrop = counters.lastDropMillis();
        if (lastDrop >= 0 && System.currentTimeMillis() - lastDrop < RECENT_DROP_MILLIS) {
            return "events were dropped in the last minute (" + counters.droppedTotal() + " in all; the last for "
                    + "reason " + counters.lastDropReason() + ")";
        }
        return null;
    }

    /** How long a drop makes the engine report itself degraded. */
    private static final long RECENT_DROP_MILLIS = 60_000;

    /** The spool's gauges, its parked topics included. */
    private long[] spoolGauges() {
        Spool s = spool.spool();
        ParkedTopics parked = spool.parked();
        long oldest = s.oldestTimestampMillis();
        long oldestParked = parked.oldestTimestampMillis();
        if (oldest < 0 || oldestParked >= 0 && oldestParked < oldest) {
            oldest = oldestParked;
        }
        return new long[] {s.pendingBytes() + parked.pendingBytes(), s.pendingEvents() + parked.pendingEvents(),
                oldest};
    }

    /** Stops with the configured {@code stopTimeout}. */
    @Override
    public void close() {
        stop(config.stopTimeout());
    }

    /**
     * Ships what is in memory within the timeout, leaves the rest in the spool, closes the producer
     * and the spool. Returns within the timeout (plus scheduling noise); safe to call twice.
     *
     * @return true when everything was shut down in time
     */
    public boolean stop(Duration timeout) {
        long deadline = ticker.nanos() + timeout.toNanos();
        if (!stopping.compareAndSet(false, true)) {
            return shipper.awaitFinished(deadline);
        }
        while (submitsInProgress.get() > 0 && ticker.nanos() - deadline < 0) {
            LockSupport.parkNanos(WAIT_PAUSE_NANOS);
        }
        shipper.requestStop(deadline);
        boolean done = shipper.awaitFinished(deadline + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200));
        problems.droppedSinceLastReport();
        if (done) {
            closedSpoolGauges = spoolGauges();
            spool.spool().close();
            spool.parked().close();
            if (directory != null) {
                directory.close();
            }
            problems.info("stopped: " + stats());
        } else {
            problems.warn("stop did not finish within " + timeout.toMillis() + " ms; what is not acknowledged "
                    + "stays in the spool", null);
        }
        closed = true;
        return done;
    }

    private static long maxWindowBytes(Map<String, Object> producerProperties) {
        Object configured = producerProperties.get("buffer.memory");
        long buffer;
        try {
            buffer = configured == null ? 32L << 20 : Long.parseLong(configured.toString().trim());
        } catch (NumberFormatException e) {
            buffer = 32L << 20;
        }
        return Math.max(1L << 20, buffer / 2);
    }

    /** Builds an engine; everything but the configuration has a default. */
    public static final class Builder {
        private final SpoolConfig config;
        private StatusListener status = StatusListener.toStandardError();
        private ProducerFactory producerFactory = ProducerFactory.KAFKA;
        private Ticker ticker = Ticker.SYSTEM;
        private final Map<String, byte[]> headers = new LinkedHashMap<>();
        private final Set<String> topics = new LinkedHashSet<>();

        private Builder(SpoolConfig config) {
            this.config = config;
        }

        /** Where status messages go; appenders bridge it to their framework's status channel. */
        public Builder status(StatusListener status) {
            this.status = status;
            return this;
        }

        /** How producers are made; for tests. */
        public Builder producerFactory(ProducerFactory producerFactory) {
            this.producerFactory = producerFactory;
            return this;
        }

        /**
         * A topic the events are expected to go to: each new producer fetches its metadata as soon
         * as it is made, so that a first event to it within the producer's
         * {@code metadata.max.idle.ms} (5 minutes) need not wait for it. Events may go to any topic.
         */
        public Builder topic(String topic) {
            topics.add(topic);
            return this;
        }

        /** A header every record carries, e.g. content type or pod name. */
        public Builder header(String key, byte[] value) {
            headers.put(key, value.clone());
            return this;
        }

        Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /** Opens the spool and starts the engine's threads. Never fails for Kafka being unreachable. */
        public SpoolEngine start() {
            return new SpoolEngine(this);
        }
    }
}
