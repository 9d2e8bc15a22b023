package dev.kafkaspool.log4j2;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Starts Log4j from a configuration file under the test resources, with the values the file refers
 * to as {@code ${sys:kafkaspool.test.*}} set as system properties first.
 */
final class Log4jTestContext implements AutoCloseable {
    static final String PREFIX = "kafkaspool.test.";

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final String resource;
    private LoggerContext context;

    Log4jTestContext(String resource) {
        this.resource = resource;
    }

    /** Sets {@code kafkaspool.test.<name>}; takes effect at start and at the next reconfiguration. */
    Log4jTestContext with(String name, String value) {
        properties.put(PREFIX + name, value);
        System.setProperty(PREFIX + name, value);
        return this;
    }

    /**
     * Starts Log4j with the file. When a context of this class loader is running already (a late log
     * call after the previous test's stop starts a default one), Log4j would hand that one back with
     * its own configuration: it is given the file instead.
     */
    Log4jTestContext start() {
        URI location;
        try {
            location = getClass().getClassLoader().getResource(resource).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        context = Configurator.initialize(resource, getClass().getClassLoader(), location);
        if (!location.equals(context.getConfigLocation())) {
            context.setConfigLocation(location);
        }
        return this;
    }

    LoggerContext context() {
        return context;
    }

    org.apache.logging.log4j.Logger logger(String name) {
        return context.getLogger(name);
    }

    KafkaSpoolAppender appender(String name) {
        return context.getConfiguration().getAppender(name);
    }

    void reconfigure() {
        context.reconfigure();
    }

    /** Stops Log4j (and so the appenders); safe to call twice. */
    void stop() {
        if (context != null) {
            Configurator.shutdown(context);
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
        for (String name : properties.keySet()) {
            System.clearProperty(name);
        }
    }
}
