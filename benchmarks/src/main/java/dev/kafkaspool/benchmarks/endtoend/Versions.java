package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions of the libraries the applications run with, read from the jars on the runner's
 * class path (the same jars the applications get).
 */
final class Versions {

    private Versions() {
    }

    static String describe() {
        return "kafka-clients " + kafkaClientsVersion()
                + ", Logback " + versionOf("ch.qos.logback.classic.LoggerContext")
                + ", Log4j " + versionOf("org.apache.logging.log4j.core.LoggerContext")
                + ", logback-kafka-appender " + versionOf("com.github.danielwegener.logback.kafka.KafkaAppender");
    }

    private static String kafkaClientsVersion() {
        try (InputStream in = Versions.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                return "(version not found)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version not found)");
        } catch (IOException e) {
            return "(version not readable)";
        }
    }

    private static String versionOf(String className) {
        try {
            Package classPackage = Class.forName(className, false, Versions.class.getClassLoader()).getPackage();
            String version = classPackage == null ? null : classPackage.getImplementationVersion();
            return version == null ? "(version not in its manifest)" : version;
        } catch (ClassNotFoundException e) {
            return "(not on the class path)";
        }
    }
}
