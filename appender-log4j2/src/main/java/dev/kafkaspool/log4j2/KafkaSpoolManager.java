package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.EngineStats;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

import dev.kafkaspool.encoding.LogEventView;
import dev.kafkaspool.pipeline.LogPipeline;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * Owns the running {@link LogPipeline} (its Kafka producer and its spool directory) for every
 * {@code <KafkaSpool>} appender that writes to one spool directory, so that a reconfiguration
 * does not close and reopen them.
 *
 * <p>Log4j starts the new configuration before it stops the old one. Managers are shared by
 * name and counted: the new configuration's appender gets this manager (count 2), the old one's
 * releases it (count 1), and only the last release stops the pipeline. The name is the spool
 * directory, because one owner at a time may hold it:
 *
 * <ul>
 *   <li>same settings: the pipeline keeps running, untouched;</li>
 *   <li>different settings: the old pipeline is stopped (what is in memory is shipped or spooled,
 *       the directory is released) and then a pipeline with the new settings opens the same
 *       directory and ships what the old one left there. Log calls wait while this happens, at
 *       most the old pipeline's {@code stopTimeout}, so that no event meets a stopped pipeline;
 *       the old configuration's appender, still attached until Log4j stops it, writes into the
 *       new pipeline.</li>
 * </ul>
 *
 * <p><b>Thread-safe.</b> Appends take a read lock (shared by all logging threads, and allocating
 * nothing, unlike a {@code ReentrantReadWriteLock}'s per-thread hold counts); only a change of
 * pipeline takes the write lock. Events logged on the pipeline's own threads, and events logged
 * while this thread is already appending ({@link LogPipeline#refuses}), are turned away
 * before the lock: the Kafka client's logs during a stop cannot wait on it, and a nested log call
 * cannot wait behind a writer for a read lock its own thread holds. Nor are events logged by the
 * thread that holds the write lock while it stops and starts pipelines (the spool's library logs
 * as it opens files): that thread would wait for itself.
 */
final class KafkaSpoolManager extends AbstractManager {
    private static final String NAME_PREFIX = "KafkaSpool:";
    private static final ManagerFactory<KafkaSpoolManager, AppenderSettings> FACTORY =
            (name, settings) -> new KafkaSpoolManager(name, settings, settings.start());

    private final StampedLock pipelineLock = new StampedLock();
    /** The thread replacing or stopping the pipeline under the write lock, or null. */
    private volatile Thread swapping;
    private volatile LogPipeline pipeline;
    private AppenderSettings settings;

    private KafkaSpoolManager(String name, AppenderSettings settings, LogPipeline pipeline) {
        super(null, name);
        this.settings = settings;
        this.pipeline = pipeline;
    }

    /** The manager of the settings' spool directory: running already, or started now. */
    static KafkaSpoolManager forSettings(AppenderSettings settings) {
        return getManager(NAME_PREFIX + settings.spoolDir(), FACTORY, settings);
    }

    /** Hands the event to the pipeline with its built-in layout; see {@link LogPipeline#append}. */
    boolean append(LogEventView event) {
        return append(event, null, 0);
    }

    /** Hands the event to the pipeline with a value a Log4j layout made; see {@link LogPipeline#appendEncoded}. */
    boolean appendEncoded(LogEventView event, byte[] value, int length) {
        return append(event, value, length);
    }

    private boolean append(LogEventView event, byte[] value, int length) {
        // Refused before the lock is taken: a read lock taken again on this thread would wait
        // behind a writer waiting for this thread.
        if (refuses()) {
            return false;
        }
        long stamp = pipelineLock.readLock();
        try {
            return value == null ? pipeline.append(event) : pipeline.appendEncoded(event, value, length);
        } finally {
            pipelineLock.unlockRead(stamp);
        }
    }

    /**
     * True when an event logged on the calling thread is not appended: the thread replacing the
     * pipeline, or one the pipeline refuses ({@link LogPipeline#refuses}: its own threads, re-entry).
     */
    boolean refuses() {
        return Thread.currentThread() == swapping || pipeline.refuses();
    }

    /** The counters of the pipeline running now. */
    EngineStats stats() {
        return pipeline.stats();
    }

    /** The pipeline running now; for tests. */
    LogPipeline pipeline() {
        return pipeline;
    }

    /**
     * Called by {@link AbstractManager#getManager} when a configuration asks for this manager
     * again (Log4j holds its manager lock meanwhile): keeps the pipeline when the settings are the
     * same, replaces it when they are not.
     */
    @Override
    public void updateData(Object data) {
        AppenderSettings next = (AppenderSettings) data;
        if (next.sameConfiguration(settings)) {
            Log4jStatus.INSTANCE.warn("[" + next.name() + "] configuration: the appenders '" + settings.name()
                    + "' and '" + next.name() + "' use the same spool directory " + settings.spoolDir()
                    + ", which one owner at a time may hold; '" + next.name() + "' writes to the pipeline of '"
                    + settings.name() + "' with its settings. Give each appender its own spoolDir.", null);
            return;
        }
        if (next.equals(settings)) {
            Log4jStatus.INSTANCE.info("[" + next.name() + "] the configuration changed, this appender's "
                    + "settings did not: the running pipeline is kept");
            settings = next;
            return;
        }
        long stamp = pipelineLock.writeLock();
        swapping = Thread.currentThread();
        try {
            LogPipeline old = pipeline;
            Log4jStatus.INSTANCE.info("[" + next.name() + "] the settings changed: stopping the pipeline '"
                    + settings.name() + "' and starting a new one on the same spool directory");
            if (!old.stop()) {
                Log4jStatus.INSTANCE.warn("[" + next.name() + "] the old pipeline did not stop in time; the "
                        + "new one may find the spool directory still held and keep events in memory", null);
            }
            pipeline = next.start();
            settings = next;
        } finally {
            swapping = null;
            pipelineLock.unlockWrite(stamp);
        }
    }

    /** The last appender let go: stops the pipeline, within Log4j's timeout or else the configured stopTimeout. */
    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit) {
        long stamp = pipelineLock.writeLock();
        swapping = Thread.currentThread();
        try {
            return timeout > 0 ? pipeline.stop(Duration.ofNanos(timeUnit.toNanos(timeout))) : pipeline.stop();
        } finally {
            swapping = null;
            pipelineLock.unlockWrite(stamp);
        }
    }
}
