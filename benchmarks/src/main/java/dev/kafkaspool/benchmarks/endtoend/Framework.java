package dev.kafkaspool.benchmarks.endtoend;

import java.nio.file.Path;
import java.util.List;

/**
 * A logging framework an application in a child JVM logs through (or none): its entry point, the
 * system property naming its configuration file, and the jars that belong to it, which are left
 * off the other frameworks' class paths.
 */
enum Framework {
    LOGBACK(LogbackEventLogger.class, "logback.configurationFile",
            List.of("logback-", "kafka-spool-logback", "appender-logback")),
    LOG4J2(Log4j2EventLogger.class, "log4j2.configurationFile",
            List.of("log4j-", "kafka-spool-log4j2", "appender-log4j2")),
    /** No logging framework: the application sends each event with a KafkaProducer of its own. */
    NONE(BareProducerEventLogger.class, BareProducerEventLogger.CONFIGURATION_PROPERTY, List.of());

    private final Class<?> mainClass;
    private final String configurationProperty;
    private final List<String> ownJarPrefixes;

    Framework(Class<?> mainClass, String configurationProperty, List<String> ownJarPrefixes) {
        this.mainClass = mainClass;
        this.configurationProperty = configurationProperty;
        this.ownJarPrefixes = ownJarPrefixes;
    }

    String mainClass() {
        return mainClass.getName();
    }

    String configurationProperty() {
        return configurationProperty;
    }

    /**
     * Whether a class path entry belongs to this framework: a jar whose name starts with one of its
     * prefixes, or a reactor module's {@code target/classes}. The Logback prefix also takes
     * {@code logback-kafka-appender}, a Logback appender.
     */
    boolean owns(Path classpathEntry) {
        Path fileName = classpathEntry.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        if (name.equals("classes") && classpathEntry.getParent() != null
                && classpathEntry.getParent().getParent() != null) {
            name = classpathEntry.getParent().getParent().getFileName().toString();
        }
        for (String prefix : ownJarPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
