package dev.kafkaspool.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The elements {@code logback.xml} may hold inside the appender, one setter each: every setting of
 * the settings table of docs/configuration.md under its own name, the producer properties, and the elements of
 * logback-kafka-appender that a configuration migrated by swapping the class name still holds
 * (see {@code docs/migration.md}). The values are kept as written until the appender starts.
 *
 * <p><b>Not thread-safe:</b> called by Logback's configurator on one thread before start.
 */
public abstract class AppenderElements extends UnsynchronizedAppenderBase<ILoggingEvent> {
    final AppenderSettings settings = new AppenderSettings();
    final LegacyElements legacy = new LegacyElements();

    protected AppenderElements() {
    }

    // logback-kafka-appender's elements. A setter taking text is what makes Joran accept an element
    // with a class attribute naming a class that is not on the class path: for a text property Joran
    // ignores the attribute (and calls the setter only when the element has a body), where for an
    // object property it would try to load the class and report an error. The class names are read
    // from the configuration file when the appender starts (LegacyStrategyReader).

    /** logback-kafka-appender's {@code <keyingStrategy class="..."/>}: mapped to {@code key} at start. */
    public void setKeyingStrategy(String ignored) {
        // the class attribute is what counts; see above
    }

    /** logback-kafka-appender's {@code <deliveryStrategy class="..."/>}: explained at start. */
    public void setDeliveryStrategy(String ignored) {
        // the class attribute is what counts; see above
    }

    /**
     * The {@code <timeout>} of logback-kafka-appender's {@code BlockingDeliveryStrategy}: Joran hands
     * an element nested in a text property to the appender itself. Explained at start, not used.
     */
    public void setTimeout(String value) {
        legacy.timeout(value);
    }

    /** logback-kafka-appender's fixed {@code <partition>}: not supported, explained at start. */
    public void setPartition(String value) {
        legacy.partition(value);
    }

    /** logback-kafka-appender's {@code <appendTimestamp>}: every record carries the event's time anyway. */
    public void setAppendTimestamp(String value) {
        legacy.appendTimestamp(value);
    }

    /** A Kafka producer property as {@code key=value}; repeatable. */
    public void addProducerConfig(String keyValue) {
        settings.producerConfig(keyValue);
    }

    /** A Kafka producer property as a name and a value; repeatable. */
    public void addProducerProperty(ProducerProperty property) {
        settings.producerProperty(property.getName(), property.getValue());
    }

    // The settings, one setter each with the name of the setting; docs/configuration.md documents them.

    public void setBootstrapServers(String value) {
        settings.set("bootstrapServers", value);
    }

    public void setDurability(String value) {
        settings.set("durability", value);
    }

    public void setSyncInterval(String value) {
        settings.set("syncInterval", value);
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

    public void setQueueMaxBytes(String value) {
        settings.set("queueMaxBytes", value);
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

    public void setServiceNodeName(String value) {
        settings.set("serviceNodeName", value);
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

    public void setContainerImageEnv(String value) {
        settings.set("containerImageEnv", value);
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
