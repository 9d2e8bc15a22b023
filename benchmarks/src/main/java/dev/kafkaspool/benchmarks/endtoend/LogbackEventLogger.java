package dev.kafkaspool.benchmarks.endtoend;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs through SLF4J and Logback, configured by the file in {@code -Dlogback.configurationFile};
 * {@link #main} is the Logback application's entry point.
 */
final class LogbackEventLogger implements EventLogger {
    private final Logger logger = LoggerFactory.getLogger("outage.application");

    /** Runs the application; see {@link LoggingApplication}. */
    public static void main(String[] args) throws Exception {
        LoggingApplication.run(LogbackEventLogger::new);
    }

    @Override
    public void log(long number) {
        logger.info(EventMessage.of(number));
    }

    @Override
    public void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }
}
