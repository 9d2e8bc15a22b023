package dev.kafkaspool.benchmarks.endtoend;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * An appender the runner measures: the framework it runs in, its configuration file (a resource
 * under {@code endtoend/}) and the settings that tell the cases of one appender apart.
 */
enum AppenderCase {
    SPOOL_LOGBACK_MEMORY("kafka-spool Logback, durability memory", Framework.LOGBACK,
            "logback-kafka-spool.xml", Map.of("outage.durability", "memory"), true),
    SPOOL_LOGBACK_DISK("kafka-spool Logback, durability disk", Framework.LOGBACK,
            "logback-kafka-spool.xml", Map.of("outage.durability", "disk"), true),
    SPOOL_LOG4J2_MEMORY("kafka-spool Log4j 2, durability memory", Framework.LOG4J2,
            "log4j2-kafka-spool.xml", Map.of("outage.durability", "memory"), true),
    SPOOL_LOG4J2_DISK("kafka-spool Log4j 2, durability disk", Framework.LOG4J2,
            "log4j2-kafka-spool.xml", Map.of("outage.durability", "disk"), true),
    LOGBACK_KAFKA_APPENDER("logback-kafka-appender 0.2.0-RC2 (asynchronous delivery)", Framework.LOGBACK,
            "logback-kafka-appender.xml", Map.of(), false),
    LOG4J2_KAFKA_SYNC("Log4j 2 KafkaAppender, syncSend=true", Framework.LOG4J2,
            "log4j2-kafka-appender.xml", Map.of("outage.syncSend", "true"), false),
    LOG4J2_KAFKA_ASYNC("Log4j 2 KafkaAppender, syncSend=false", Framework.LOG4J2,
            "log4j2-kafka-appender.xml", Map.of("outage.syncSend", "false"), false),
    LOGBACK_FILE("Logback FileAppender (a local file, no Kafka)", Framework.LOGBACK,
            "logback-file.xml", Map.of(), false),
    BARE_PRODUCER("bare KafkaProducer loop (no logging framework)", Framework.NONE,
            "bare-producer.properties", Map.of(), false);

    /** The file {@link #LOGBACK_FILE} writes, in the directory passed to it as {@code outage.spoolDir}. */
    static final String LOG_FILE = "application.log";

    private final String description;
    private final Framework framework;
    private final String configurationResource;
    private final Map<String, String> systemProperties;
    private final boolean spools;

    AppenderCase(String description, Framework framework, String configurationResource,
            Map<String, String> systemProperties, boolean spools) {
        this.description = description;
        this.framework = framework;
        this.configurationResource = configurationResource;
        this.systemProperties = systemProperties;
        this.spools = spools;
    }

    /** The name on the command line and in topic names: {@code spool-logback-memory}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static AppenderCase byId(String id) {
        for (AppenderCase candidate : values()) {
            if (candidate.id().equals(id)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("No appender case '" + id + "'; known: "
                + Arrays.stream(values()).map(AppenderCase::id).toList());
    }

    String description() {
        return description;
    }

    Framework framework() {
        return framework;
    }

    String configurationResource() {
        return "/endtoend/" + configurationResource;
    }

    /** System properties its configuration file reads, besides the broker, topic and spool directory. */
    Map<String, String> systemProperties() {
        return systemProperties;
    }

    /**
     * Whether the events go to Kafka. The one case that does not, {@link #LOGBACK_FILE}, writes
     * {@link #LOG_FILE} in the directory the runner passes as the spool directory.
     */
    boolean toKafka() {
        return this != LOGBACK_FILE;
    }

    /** Whether the appender keeps events in a spool directory a new process can ship from. */
    boolean spools() {
        return spools;
    }
}
