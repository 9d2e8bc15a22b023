package dev.kafkaspool.pipeline;

import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.kafkaspool.encoding.EventEncoder;
import dev.kafkaspool.encoding.LogEventView;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.metrics.JmxRegistration;
import dev.kafkaspool.metrics.KafkaSpoolMetrics;
import dev.kafkaspool.metrics.MicrometerRegistration;
import dev.kafkaspool.pod.PodMetadata;
import dev.kafkaspool.pod.PodMetadataReloader;

/**
 * What an appender runs: settings by name, the pod metadata, the record format and the engine,
 * put together. An appender builds one from its configuration, calls {@link #append} for each
 * event on the logging thread, and {@link #stop} when its framework stops it.
 *
 * <p>{@link #append} encodes the event into this thread's reused buffers and hands it to the
 * engine: no network, no allocation in steady state. Events logged on the pipeline's own threads
 * (the engine's, the Kafka client's, the pod metadata watcher's) and events logged while this
 * thread is already inside {@code append} (for example by a {@code toString()} of a parameter)
 * are not appended: that is what keeps the Kafka client's own logs from re-entering.
 *
 * <p><b>Thread-safe.</b>
 */
public final class LogPipeline {
    private final SpoolConfig config;
    private final SpoolEngine engine;
    private final StatusListener status;
    private volatile PodWatcher podWatcher;
    private final ThreadLocal<Encoding> encoders = ThreadLocal.withInitial(Encoding::new);
    private volatile RecordFormat format;
    private final JmxRegistration jmx;
    private final AutoCloseable meters;
    private volatile ExitHook exitHook;
    private volatile boolean stopped;

    private LogPipeline(SpoolConfig config, SpoolEngine engine, RecordFormat format, StatusListener status) {
        this.config = config;
        this.engine = engine;
        this.format = format;
        this.status = status;
        this.jmx = JmxRegistration.register(config.name(), new KafkaSpoolMetrics(engine::stats), status);
        this.meters = MicrometerRegistration.bindToGlobalRegistry(engine::stats, config.name(),
                format.topicFor(LogLevel.INFO), status);
    }

    /** Settings by name, then {@link PipelineBuilder#start()}. */
    public static PipelineBuilder builder() {
        return new PipelineBuilder();
    }

    /**
     * Encodes the event and hands it to the engine. Call it on the logging thread, before the
     * framework reuses the event object. Never throws, never waits for the network.
     *
     * @return true when the engine took the event; false when it was dropped (and counted by the
     *     engine) or not appended because it came from the pipeline's own threads or from inside
     *     an append
     */
    public boolean append(LogEventView event) {
        return handOff(event, null, 0);
    }

    /**
     * Hands the engine a value the framework's own encoder or layout made (a Logback
     * {@code Encoder}, a Log4j {@code Layout}) instead of one of the built-in layouts. Topic, key,
     * level and timestamp still come from the event. Same rules as {@link #append(LogEventView)}.
     */
    public boolean appendEncoded(LogEventView event, byte[] value, int length) {
        return handOff(event, value, length);
    }

    /**
     * True when this pipeline would refuse an event logged on the calling thread: one of the
     * pipeline's own threads (its shipper, the Kafka client's, the pod metadata watcher, the exit
     * hook), or a thread already inside one of its appends (an event logged while another is
     * encoded). {@link #append} and {@link #appendEncoded} check it themselves; an adapter asks it
     * before taking a lock of its own around them.
     */
    public boolean refuses() {
        return isOwnThread(Thread.currentThread()) || encoders.get().busy;
    }

    /** Encodes (or wraps {@code value}, when given) on this thread and submits; refuses own threads and re-entry. */
    private boolean handOff(LogEventView event, byte[] value, int length) {
        if (isOwnThread(Thread.currentThread())) {
            return false;
        }
        Encoding encoding = encoders.get();
        if (encoding.busy) {
            return false;
        }
        encoding.busy = true;
        try {
            long sequence = engine.nextSequence();
            EncodedEvent encoded = value == null
                    ? encoding.encoder.encode(format, event, engine.instanceId(), sequence)
                    : encoding.encoder.wrap(format, event, value, length, sequence);
            return engine.submit(encoded);
        } finally {
            encoding.busy = false;
        }
    }

    /**
     * Encodes {@code sample} once and throws the record away: nothing is shipped or counted. The
     * pipeline does it with a made-up event when it starts ({@link WarmUpEvent}), and an appender
     * with an event of its framework when it starts, so that the first log call does not pay for
     * loading the classes of the append path.
     */
    public void warmUp(LogEventView sample) {
        try {
            new EventEncoder().encode(format, sample, engine.instanceId(), 0);
        } catch (RuntimeException e) {
            status.warn("[" + config.name() + "] encoding a warm-up event failed (" + e
                    + "); the first log call loads the encoder instead", e);
        }
    }

    /** True for the threads whose events this pipeline does not append. */
    public boolean isOwnThread(Thread t) {
        PodWatcher watcher = podWatcher;
        ExitHook hook = exitHook;
        return engine.isOwnThread(t) || (watcher != null && t == watcher.thread())
                || (hook != null && t == hook.thread());
    }

    /** True once {@link #stop} was called, by the framework or by the exit hook. */
    public boolean isStopped() {
        return stopped;
    }

    public SpoolConfig config() {
        return config;
    }

    /** The record format in use now; it changes when the pod's labels or annotations change. */
    public RecordFormat format() {
        return format;
    }

    public EngineState state() {
        return engine.state();
    }

    public EngineStats stats() {
        return engine.stats();
    }

    /** Looks at the downward API files now instead of waiting for the watcher's next round; for tests. */
    boolean reloadPodMetadata() {
        PodWatcher watcher = podWatcher;
        return watcher != null && watcher.checkNow();
    }

    /** Stops with the configured {@code stopTimeout}; see {@link SpoolEngine#stop}. */
    public boolean stop() {
        return stop(config.stopTimeout());
    }

    /** Flushes what it can within the timeout, leaves the rest in the spool. Safe to call twice. */
    public boolean stop(Duration timeout) {
        stopped = true;
        ExitHook hook = exitHook;
        if (hook != null) {
            hook.remove();
        }
        PodWatcher watcher = podWatcher;
        if (watcher != null) {
            watcher.stop();
        }
        boolean stopped = engine.stop(timeout);
        if (jmx != null) {
            jmx.close();
        }
        if (meters != null) {
            try {
                meters.close();
            } catch (Exception e) {
                status.warn("[" + config.name() + "] the Micrometer meters could not be removed: " + e, e);
            }
        }
        RunningPipelines.unregister(this);
        return stopped;
    }

    /** One thread's encoder, and whether that thread is inside {@link #append} already. */
    private static final class Encoding {
        final EventEncoder encoder = new EventEncoder();
        boolean busy;
    }

    /**
     * Puts a started pipeline together: its engine, its exit hook, the warm-up, the pod metadata
     * watcher when {@code podInfoDir} exists; called by {@link PipelineBuilder#start()}.
     */
    static LogPipeline start(SpoolConfig config, SpoolEngine engine, RecordFormat first, StatusListener status,
            PodMetadataReloader reloader, Path podInfoDir) {
        LogPipeline pipeline = new LogPipeline(config, engine, first, status);
        pipeline.exitHook = ExitHook.register(pipeline, status);
        pipeline.warmUp(new WarmUpEvent());
        if (Files.isDirectory(podInfoDir)) {
            pipeline.watch(new PodWatcher(config.name(), reloader, pipeline::podMetadataChanged, status));
        }
        RunningPipelines.register(pipeline);
        return pipeline;
    }

    private void watch(PodWatcher watcher) {
        this.podWatcher = watcher;
        watcher.start();
    }

    private void podMetadataChanged(PodMetadata metadata) {
        try {
            format = RecordFormat.create(config, metadata);
            status.info("[" + config.name() + "] the pod's labels or annotations changed; new records carry them");
        } catch (IllegalArgumentException e) {
            status.warn("[" + config.name() + "] the pod's labels or annotations changed but records keep the old "
                    + "ones: " + e.getMessage(), e);
        }
    }
}
