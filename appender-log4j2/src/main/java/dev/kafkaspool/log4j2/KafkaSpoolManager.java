package dev.kafkaspool.log4j2;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.kafkaspool.encoding.LogEventView;
import dev.kafkaspool.engine.EngineStats;
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
 * <p><b>Thread-safe.</b> Appends take a read lock (shared by all logging threads); only a change
 * of pipeline takes the write lock. Events logged on the pipeline's own threads are turned away
 * before the lock, so the Kafka client's logs during a stop cannot wait on it.
 */
final class KafkaSpoolManager extends AbstractManager {
    private static final String NAME_PREFIX = "KafkaSpool:";
    private static final ManagerFactory<KafkaSpoolManager, PipelineSettings> FACTORY =
            (name, settings) -> new KafkaSpoolManager(name, settings, settings.start());

    private final ReentrantReadWriteLock pipelineLock = new ReentrantReadWriteLock();
    private volatile LogPipeline pipeline;
    private PipelineSettings settings;

    private KafkaSpoolManager(String name, PipelineSettings settings, LogPipeline pipeline) {
        super(null, name);
        this.settings = settings;
        this.pipeline = pipeline;
    }

    /** The manager of the settings' spool directory: running already, or started now. */
    static KafkaSpoolManager forSettings(PipelineSettings settings) {
        return getManager(NAME_PREFIX + settings.spoolDir(), FACTORY, settings);
    }

    boolean append(LogEventView event) {
        if (pipeline.isOwnThread(Thread.currentThread())) {
            return false;
        }
        Lock lock = pipelineLock.readLock();
        lock.lock();
        try {
            return pipeline.append(event);
        } finally {
            lock.unlock();
        }
    }

    boolean appendEncoded(LogEventView event, byte[] value, int length) {
        if (pipeline.isOwnThread(Thread.currentThread())) {
            return false;
        }
        Lock lock = pipelineLock.readLock();
        lock.lock();
        try {
            return pipeline.appendEncoded(event, value, length);
        } finally {
            lock.unlock();
        }
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
        PipelineSettings next = (PipelineSettings) data;
        if (next.equals(settings)) {
            StatusLoggerBridge.INSTANCE.info("[" + next.name() + "] the configuration changed, this appender's "
                    + "settings did not: the running pipeline is kept");
            return;
        }
        Lock lock = pipelineLock.writeLock();
        lock.lock();
        try {
            LogPipeline old = pipeline;
            StatusLoggerBridge.INSTANCE.info("[" + next.name() + "] the settings changed: stopping the pipeline '"
                    + settings.name() + "' and starting a new one on the same spool directory");
            if (!old.stop()) {
                StatusLoggerBridge.INSTANCE.warn("[" + next.name() + "] the old pipeline did not stop in time; the "
                        + "new one may find the spool directory still held and keep events in memory", null);
            }
            pipeline = next.start();
            settings = next;
        } finally {
            lock.unlock();
        }
    }

    /** The last appender let go: stops the pipeline, within Log4j's timeout or else the configured stopTimeout. */
    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit) {
        Lock lock = pipelineLock.writeLock();
        lock.lock();
        try {
            return timeout > 0 ? pipeline.stop(Duration.ofNanos(timeUnit.toNanos(timeout))) : pipeline.stop();
        } finally {
            lock.unlock();
        }
    }
}
