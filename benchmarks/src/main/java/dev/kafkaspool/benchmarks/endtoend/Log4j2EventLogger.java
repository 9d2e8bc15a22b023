package dev.kafkaspool.benchmarks.endtoend;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs through the Log4j 2 API, configured by the file in {@code -Dlog4j2.configurationFile};
 * {@link #main} is the Log4j 2 application's entry point.
 */
final class Log4j2EventLogger implements EventLogger {
    private final Logger logger = LogManager.getLogger("outage.application");

    /** Runs the application; see {@link LoggingApplication}. */
    public static void main(String[] args) throws Exception {
        LoggingApplication.run(Log4j2EventLogger::new);
    }

    @Override
    public void log(long number) {
        logger.info(EventMessage.of(number));
    }

    @Override
    public void stop() {
        LogManager.shutdown();
    }
}
