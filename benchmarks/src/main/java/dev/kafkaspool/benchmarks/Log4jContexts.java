package dev.kafkaspool.benchmarks;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Starts Log4j from one of the appender configurations under {@code appenders/log4j2/}, the way
 * an application's start does. The file refers to {@code ${sys:bench.bootstrapServers}},
 * {@code ${sys:bench.topic}} and {@code ${sys:bench.dir}}, set as system properties first. One
 * configuration per JVM: every trial is its own fork.
 */
final class Log4jContexts {
    private Log4jContexts() {
    }

    static LoggerContext start(String appender, String bootstrapServers, Path dir) {
        String resource = "appenders/log4j2/" + appender + ".xml";
        URL config = Log4jContexts.class.getClassLoader().getResource(resource);
        if (config == null) {
            throw new IllegalArgumentException("no Log4j configuration " + resource);
        }
        System.setProperty("bench.bootstrapServers", bootstrapServers);
        System.setProperty("bench.topic", Kafka.TOPIC);
        System.setProperty("bench.dir", dir.toString());
        try {
            LoggerContext context = Configurator.initialize("bench-" + appender,
                    Log4jContexts.class.getClassLoader(), config.toURI());
            if (context.getConfiguration().getAppender("appender") == null) {
                throw new IllegalStateException("Log4j started without the appender of " + resource
                        + "; see the status messages above");
            }
            return context;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void stop(LoggerContext context) {
        if (context != null) {
            Configurator.shutdown(context);
        }
    }
}
