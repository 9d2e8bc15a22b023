package dev.kafkaspool.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.nio.file.Path;

/**
 * Starts a Logback context of its own (not SLF4J's) from one of the appender configurations under
 * {@code appenders/logback/}, the way an application's start does: the configuration file sets up
 * and starts the appender. The file refers to {@code ${bootstrapServers}}, {@code ${topic}} and
 * {@code ${dir}}, set on the context first.
 */
final class LogbackContexts {
    private LogbackContexts() {
    }

    static LoggerContext start(String appender, String bootstrapServers, Path dir) {
        String resource = "/appenders/logback/" + appender + ".xml";
        URL config = LogbackContexts.class.getResource(resource);
        if (config == null) {
            throw new IllegalArgumentException("no Logback configuration " + resource);
        }
        LoggerContext context = new LoggerContext();
        context.setName("bench-" + appender);
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("bootstrapServers", bootstrapServers);
        context.putProperty("topic", Kafka.TOPIC);
        context.putProperty("dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("could not configure Logback from " + resource, e);
        }
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.WARN) {
                System.out.println("  [logback status] " + status);
            }
        }
        return context;
    }

    static void stop(LoggerContext context) {
        if (context != null) {
            context.stop();
        }
    }
}
