package dev.kafkaspool.samples.service;

import dev.kafkaspool.engine.EngineStats;


/**
 * What differs between the sample services: the logging framework. {@link ServiceLoop} calls
 * {@link #logEvent} at a steady rate and times each call, reads {@link #stats} for its progress
 * reports, and ends with {@link #stopLogging}.
 */
public interface SampleService {

    /**
     * Logs one event through the framework, of the given kind, with MDC and key-values; an ERROR
     * carries an exception.
     */
    void logEvent(long sequence, EventKind kind);

    /** The kafka-spool appender's counters now; null if it did not start. */
    EngineStats stats();

    /**
     * Stops the framework's logging context, which stops the kafka-spool appender (it ships or
     * spools what it holds within its stop timeout), and returns the appender's counters.
     */
    EngineStats stopLogging();
}
