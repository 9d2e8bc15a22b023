package dev.kafkaspool.logback;

import java.time.Duration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.InvalidConfigException;
import dev.kafkaspool.pipeline.LogPipeline;

/**
 * Sends each log event as a JSON record to Kafka, through a disk spool when Kafka is not taking
 * them. A thin adapter: the settings go by name to a {@link LogPipeline}, which validates them,
 * encodes each event on the logging thread and hands it to the engine's own threads.
 *
 * <p>In {@code logback.xml}: the appender's {@code name} names the pipeline (threads, the producer's
 * client id, the default spool directory); each setting of the README's settings table is an element
 * of the same name; {@code <producerConfig>key=value</producerConfig>} (repeatable) or
 * {@code <producerProperty><name>..</name><value>..</value></producerProperty>} pass a Kafka
 * producer property; an optional {@code <encoder>} replaces the built-in layout;
 * {@code <includeCallerData>true</includeCallerData>} computes caller data for every event.
 *
 * <p>A configuration mistake is reported on Logback's status channel and the default is used; only
 * a missing {@code bootstrapServers} keeps the appender from starting. The application starts in
 * both cases.
 *
 * <p><b>Thread-safe:</b> events may be appended from any number of threads at once, without a lock.
 * Events logged on the pipeline's own threads (the Kafka client's included) are left out, which keeps
 * the Kafka client's logs from coming back here.
 */
public final class KafkaSpoolAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final AppenderSettings settings = new AppenderSettings();
    private final ThreadLocal<LogbackEventView> views = ThreadLocal.withInitial(LogbackEventView::new);
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
        for (String problem : settings.problems()) {
            addWarn("[" + getName() + "] configuration: " + problem);
        }
        LogbackStatus status = new LogbackStatus(this);
        LogPipeline.Builder builder = LogPipeline.builder().status(status);
        if (getName() != null) {
            builder.set("name", getName());
        }
        try {
            pipeline = settings.applyTo(builder).start();
        } catch (InvalidConfigException e) {
            addError("[" + getName() + "] not started: " + e.getMessage()
                    + "; the application runs on without this appender");
            return;
        }
        if (encoder != null && !encoder.isStarted()) {
            encoder.start();
        }
        super.start();
        status.appenderStarted();
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogPipeline p = pipeline;
        if (p == null || p.isOwnThread(Thread.currentThread())) {
            return;
        }
        LogbackEventView view = views.get();
        if (view.inUse()) {
            return; // logged while this thread encodes an event: the pipeline refuses it too
        }
        view.of(event, includeCallerData);
        try {
            if (encoder == null) {
                p.append(view);
            } else {
                byte[] value = encoder.encode(event);
                p.appendEncoded(view, value, value.length);
            }
        } finally {
            view.release();
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

    /** A Kafka producer property as {@code key=value}; repeatable. */
    public void addProducerConfig(String keyValue) {
        settings.producerConfig(keyValue);
    }

    /** A Kafka producer property as a name and a value; repeatable. */
    public void addProducerProperty(ProducerProperty property) {
        settings.producerProperty(property.getName(), property.getValue());
    }

    // The settings, one setter each with the name of the setting; the README's table documents them.

    public void setBootstrapServers(String value) {
        settings.set("bootstrapServers", value);
    }

    public void setDurability(String value) {
        settings.set("durability", value);
    }

    public void setSpoolDir(String value) {
        settings.set("spoolDir", value);
    }

    public void setMaxBytes(String value) {
        settings.set("maxBytes", value);
    }

    public void setFullPolicy(String value) {
        settings.set("fullPolicy", value);
    }

    public void setBlockTimeout(String value) {
        settings.set("blockTimeout", value);
    }

    public void setQueueSize(String value) {
        settings.set("queueSize", value);
    }

    public void setStopTimeout(String value) {
        settings.set("stopTimeout", value);
    }

    public void setStallTimeout(String value) {
        settings.set("stallTimeout", value);
    }

    public void setLayout(String value) {
        settings.set("layout", value);
    }

    public void setTopic(String value) {
        settings.set("topic", UndefinedVariables.restoreTopic(value));
    }

    public void setErrorTopic(String value) {
        settings.set("errorTopic", UndefinedVariables.restoreTopic(value));
    }

    public void setKey(String value) {
        settings.set("key", value);
    }

    public void setServiceName(String value) {
        settings.set("serviceName", value);
    }

    public void setServiceVersion(String value) {
        settings.set("serviceVersion", value);
    }

    public void setServiceEnvironment(String value) {
        settings.set("serviceEnvironment", value);
    }

    public void setMaxMessageLength(String value) {
        settings.set("maxMessageLength", value);
    }

    public void setMaxValueLength(String value) {
        settings.set("maxValueLength", value);
    }

    public void setMaxStackTraceLength(String value) {
        settings.set("maxStackTraceLength", value);
    }

    public void setPodNameEnv(String value) {
        settings.set("podNameEnv", value);
    }

    public void setNamespaceEnv(String value) {
        settings.set("namespaceEnv", value);
    }

    public void setPodUidEnv(String value) {
        settings.set("podUidEnv", value);
    }

    public void setPodIpEnv(String value) {
        settings.set("podIpEnv", value);
    }

    public void setNodeNameEnv(String value) {
        settings.set("nodeNameEnv", value);
    }

    public void setContainerNameEnv(String value) {
        settings.set("containerNameEnv", value);
    }

    public void setServiceAccountEnv(String value) {
        settings.set("serviceAccountEnv", value);
    }

    public void setPodInfoDir(String value) {
        settings.set("podInfoDir", value);
    }

    public void setExtraFields(String value) {
        settings.set("extraFields", value);
    }
}
