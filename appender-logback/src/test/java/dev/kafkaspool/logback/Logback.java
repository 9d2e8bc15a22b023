package dev.kafkaspool.logback;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;

/** Loads the test configurations under {@code logback/} the way an application's start does. */
final class Logback {
    private Logback() {
    }

    /** A fresh context configured from {@code logback/<file>}, with substitution properties set on it. */
    static LoggerContext configure(String file, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setName(file);
        context.setMDCAdapter(new LogbackMDCAdapter()); // what SLF4J's binding does for the default context
        load(context, file, properties);
        return context;
    }

    /** Resets the context (stopping its appenders) and configures it again, as a reconfiguration does. */
    static void reconfigure(LoggerContext context, String file, Map<String, String> properties) {
        context.reset();
        load(context, file, properties);
    }

    static void load(LoggerContext context, String file, Map<String, String> properties) {
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(Logback.class.getResource("/logback/" + file));
        } catch (JoranException e) {
            throw new IllegalStateException("could not load " + file + ": " + statuses(context), e);
        }
    }

    static KafkaSpoolAppender appender(LoggerContext context) {
        return (KafkaSpoolAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("KAFKA");
    }

    /** Every status message of the context, with its level and the messages of its causes. */
    static List<String> statuses(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream().map(Logback::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Status s) {
        StringBuilder sb = new StringBuilder(s.getLevel() == Status.ERROR ? "ERROR " : s.getLevel() == Status.WARN
                ? "WARN " : "INFO ").append(s.getMessage());
        for (Throwable t = s.getThrowable(); t != null; t = t.getCause()) {
            sb.append(" | ").append(t);
        }
        return sb.toString();
    }
}
