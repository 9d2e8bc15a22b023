package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports the engine's status messages on Log4j's {@link StatusLogger}, never through Log4j's
 * regular loggers (which could route them back into the appender). They show with
 * {@code <Configuration status="warn">} or {@code status = warn}; errors show by default.
 *
 * <p>Stateless; thread-safe.
 */
final class StatusLoggerBridge implements StatusListener {
    static final StatusLoggerBridge INSTANCE = new StatusLoggerBridge();

    private static final String PREFIX = "kafka-spool ";

    private StatusLoggerBridge() {
    }

    @Override
    public void info(String message) {
        StatusLogger.getLogger().info(PREFIX + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        StatusLogger.getLogger().warn(PREFIX + message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        StatusLogger.getLogger().error(PREFIX + message, cause);
    }
}
