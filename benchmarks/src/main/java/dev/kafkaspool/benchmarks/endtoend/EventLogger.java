package dev.kafkaspool.benchmarks.endtoend;

/**
 * What the application in a child JVM logs through: one logging framework's real API, configured
 * by its usual configuration file. Creating it starts the framework and its appender.
 */
interface EventLogger {

    /** Logs event {@code number} at INFO, its number in the message ({@link EventMessage}). */
    void log(long number);

    /** Stops the framework in order, as an application does when it shuts down. */
    void stop();
}
