package dev.kafkaspool.logback;

import dev.kafkaspool.config.InvalidConfigException;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Iterator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;

/**
 * Sends each log event as a JSON record to Kafka, through a disk spool when Kafka is not taking
 * them. A thin adapter: the settings go by name to a {@link LogPipeline}, which validates them,
 * encodes each event on the logging thread and hands it to the engine's own threads.
 *
 * <p>In {@code logback.xml}: the appender's {@code name} names the pipeline (threads, the producer's
 * client id, the default spool directory); each setting of docs/configuration.md is an element
 * of the same name ({@link AppenderElements}); {@code <producerConfig>key=value</producerConfig>}
 * (repeatable) or {@code <producerProperty><name>..</name><value>..</value></producerProperty>} pass
 * a Kafka producer property; an optional {@code <encoder>} replaces the built-in layout;
 * {@code <includeCallerData>true</includeCallerData>} computes caller data for every event;
 * {@code <appender-ref ref=".."/>} names a fallback appender.
 *
 * <p><b>Fallback appenders</b> receive, on the logging thread, the events this appender drops there
 * (the engine refused them: a full queue, a full spool under {@code dropNewest}, a stop under
 * way), and every event when the appender could not start. Drops that happen later, off the logging
 * thread (a full spool dropping its oldest records, a record Kafka rejects), are counted in
 * {@link #stats()} and reported, not forwarded. Events left out because they were logged on the
 * pipeline's own threads or from inside an append are not forwarded either.
 *
 * <p>A configuration mistake is reported on Logback's status channel and the default is used; only
 * missing brokers keep the appender from starting. The application starts in both cases.
 *
 * <p><b>Thread-safe:</b> events may be appended from any number of threads at once, without a lock.
 * Events logged on the pipeline's own threads (the Kafka client's included) are left out, which keeps
 * the Kafka client's logs from coming back here.
 */
public final class KafkaSpoolAppender extends AppenderElements implements AppenderAttachable<ILoggingEvent> {
    private final ThreadLocal<LogbackEventView> views = ThreadLocal.withInitial(LogbackEventView::new);
    private final AppenderAttachableImpl<ILoggingEvent> fallbacks = new AppenderAttachableImpl<>();
    private Encoder<ILoggingEvent> encoder;
    private boolean includeCallerData;
    private volatile LogPipeline pipeline;

    public KafkaSpoolAppender() {
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        legacy.applyTo(LegacyStrategyReader.read(getContext(), getName(), settings), settings);
        settings.resolveBrokers();
        for (String problem : settings.problems()) {
            addWarn("[" + getName() + "] configuration: " + problem);
        }
        for (String note : settings.notes()) {
            addInfo("[" + getName() + "] configuration: " + note);
        }
        LogbackStatus status = new LogbackStatus(this);
        PipelineBuilder builder = LogPipeline.builder().status(status);
        if (getName() != null) {
            builder.set("name", getName());
        }
        if (encoder != null) {
            builder.encodedValues(contentType(encoder));
        }
        try {
            pipeline = settings.applyTo(builder).start();
        } catch (InvalidConfigException e) {
            boolean fallback = fallbacks.iteratorForAppenders().hasNext();
            addError("[" + getName() + "] not started: " + e.getMessage() + (fallback
                    ? "; its events go to its fallback appenders only" : "; the application runs on without this appender "
                    + "(Spring Boot does not start on this error)"));
            if (fallback) {
                super.start();
            }
            return;
        }
        if (encoder != null && !encoder.isStarted()) {
            encoder.start();
        }
        super.start();
        warmUp(pipeline);
        status.appenderStarted();
    }

    /** Reads and encodes the {@link LogbackWarmUpEvent}s the way {@link #append} does, without handing them on. */
    private void warmUp(LogPipeline p) {
        LogbackEventView view = views.get();
        for (LoggingEvent sample : LogbackWarmUpEvent.create(getContext())) {
            view.wrap(sample, false);
            try {
                p.warmUp(view);
            } finally {
                view.clear();
            }
        }
    }

    /** What a Logback encoder writes, when it says so: a layout's content type and the encoder's charset. */
    private static String contentType(Encoder<ILoggingEvent> encoder) {
        if (!(encoder instanceof LayoutWrappingEncoder) || ((LayoutWrappingEncoder<?>) encoder).getLayout() == null) {
            return null;
        }
        LayoutWrappingEncoder<?> wrapping = (LayoutWrappingEncoder<?>) encoder;
        Charset charset = wrapping.getCharset() != null ? wrapping.getCharset() : Charset.defaultCharset();
        return wrapping.getLayout().getContentType() + "; charset=" + charset.name();
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogPipeline p = pipeline;
        if (p == null) {
            fallbacks.appendLoopOnAppenders(event); // the appender could not start
            return;
        }
        if (p.refuses()) {
            return; // the Kafka client's own logs, or an event logged inside this append
        }
        LogbackEventView view = views.get();
        view.wrap(event, includeCallerData);
        boolean taken;
        try {
            if (encoder == null) {
                taken = p.append(view);
            } else {
                byte[] value = encoder.encode(event);
                taken = p.appendEncoded(view, value, value.length);
            }
        } finally {
            view.clear();
        }
        if (!taken) {
            fallbacks.appendLoopOnAppenders(event); // dropped by the engine, and counted
        }
    }

    /** Stops taking events, then ships or spools what is in memory within {@code stopTimeout}. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LogPipeline p = pipeline;
        if (p != null && !p.stop()) {
            addWarn("[" + getName() + "] did not finish stopping within stopTimeout; what was not shipped "
                    + "stays in the spool");
        }
        fallbacks.detachAndStopAllAppenders();
    }

    /** Stops within the given time instead of {@code stopTimeout}. */
    public void stop(Duration timeout) {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LogPipeline p = pipeline;
        if (p != null) {
            p.stop(timeout);
        }
        fallbacks.detachAndStopAllAppenders();
    }

    /** The engine's counters now; null before the appender started. */
    public EngineStats stats() {
        LogPipeline p = pipeline;
        return p == null ? null : p.stats();
    }

    /** The engine's state; null before the appender started. */
    public EngineState state() {
        LogPipeline p = pipeline;
        return p == null ? null : p.state();
    }

    /** True for the threads of this appender's pipeline (the engine's, the Kafka client's). */
    public boolean isOwnThread(Thread thread) {
        LogPipeline p = pipeline;
        return p != null && p.isOwnThread(thread);
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    /** An encoder that makes each record's value instead of the built-in layout. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public boolean isIncludeCallerData() {
        return includeCallerData;
    }

    /** Computes caller data for every event (costly); otherwise it is written only when the event has it. */
    public void setIncludeCallerData(boolean includeCallerData) {
        this.includeCallerData = includeCallerData;
    }

    // Fallback appenders, named by <appender-ref> inside this appender; see the class comment.

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        fallbacks.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return fallbacks.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return fallbacks.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return fallbacks.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        fallbacks.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return fallbacks.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return fallbacks.detachAppender(name);
    }
}
