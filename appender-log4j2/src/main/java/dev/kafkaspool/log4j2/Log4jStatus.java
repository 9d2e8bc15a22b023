package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.StatusListener;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports the engine's status messages on Log4j's {@link StatusLogger}, never through Log4j's
 * regular loggers (which could route them back into the appender).
 *
 * <p>The StatusLogger prints on the console only from its level up: errors by default, warnings
 * with {@code <Configuration status="warn">} or {@code status = warn}. A warning (events dropped,
 * the disk spool unavailable, Kafka unreachable) must reach the user without any configuration,
 * so what the console would not show is also printed on standard error. The engine reports each
 * kind of problem once and then at growing intervals, so this does not flood.
 *
 * <p>Stateless; thread-safe.
 */
final class Log4jStatus implements StatusListener {
    static final Log4jStatus INSTANCE = new Log4jStatus();

    private static final String PREFIX = "kafka-spool ";
    private static final StatusListener CONSOLE = StatusListener.toStandardError();

    private Log4jStatus() {
    }

    @Override
    public void info(String message) {
        StatusLogger.getLogger().info(PREFIX + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        StatusLogger.getLogger().warn(PREFIX + message, cause);
        if (!consoleShows(Level.WARN)) {
            CONSOLE.warn(message, cause);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        StatusLogger.getLogger().error(PREFIX + message, cause);
        if (!consoleShows(Level.ERROR)) {
            CONSOLE.error(message, cause);
        }
    }

    /** Whether the StatusLogger's console output includes messages of this level. */
    private static boolean consoleShows(Level level) {
        try {
            return StatusLogger.getLogger().getFallbackListener().getStatusLevel().isLessSpecificThan(level);
        } catch (LinkageError e) { // Log4j before 2.24 has no fallback listener: it shows errors
            return level.isMoreSpecificThan(Level.ERROR);
        }
    }
}
