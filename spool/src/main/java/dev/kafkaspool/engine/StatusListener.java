package dev.kafkaspool.engine;

/**
 * Where the engine reports what it does. The engine never logs through a logging framework: each
 * appender bridges this interface to its framework's status channel (Logback's status manager,
 * Log4j's StatusLogger). Implementations must be thread-safe and must not log through the
 * appender that owns the engine.
 *
 * <p>Levels: {@link #warn} for every problem the appender works around (a setting replaced by its
 * default, the disk spool unavailable, damaged records set aside, Kafka unreachable, events
 * dropped); {@link #error} only for what it cannot survive, where the appender does not start.
 * Spring Boot refuses to start on an error status during Logback's configuration, so an error
 * here stops such an application.
 */
public interface StatusListener {

    void info(String message);

    void warn(String message, Throwable cause);

    void error(String message, Throwable cause);

    /** Prints to standard error; for tools and tests. */
    static StatusListener toStandardError() {
        return new StatusListener() {
            @Override
            public void info(String message) {
                System.err.println("kafka-spool INFO " + message);
            }

            @Override
            public void warn(String message, Throwable cause) {
                System.err.println("kafka-spool WARN " + message + (cause == null ? "" : ": " + cause));
            }

            @Override
            public void error(String message, Throwable cause) {
                System.err.println("kafka-spool ERROR " + message + (cause == null ? "" : ": " + cause));
            }
        };
    }
}
