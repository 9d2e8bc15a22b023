package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;


/**
 * A framework's log event as the encoder reads it. Each appender implements it over its own event
 * object (Logback's {@code ILoggingEvent}, Log4j's {@code LogEvent}) without copying: the encoder
 * reads it on the logging thread, before the framework reuses the event.
 *
 * <p>Collections are visited with an explicit state argument rather than returned, so that reading
 * an event allocates nothing.
 */
public interface LogEventView {

    /** Seconds since the epoch of the event's instant. */
    long epochSecond();

    /** Nanoseconds within that second, at the precision the framework recorded. */
    int nanoOfSecond();

    LogLevel level();

    String loggerName();

    String threadName();

    /** Appends the formatted message (parameters substituted). */
    void formatMessage(StringBuilder into);

    /** Visits the MDC (Logback) or ThreadContext map (Log4j) entries. */
    <S> void forEachContextEntry(FieldVisitor<S> visitor, S state);

    /** Visits structured key-value pairs: SLF4J 2 key-values, Log4j {@code MapMessage} fields. */
    <S> void forEachKeyValue(FieldVisitor<S> visitor, S state);

    /**
     * How deep a view follows a marker's references (SLF4J) or parents (Log4j): a marker graph
     * with a cycle, or a deeper one, is cut there instead of followed forever.
     */
    int MAX_MARKER_DEPTH = 16;

    /** Visits the event's marker names and those they refer to, up to {@link #MAX_MARKER_DEPTH}, with a null value. */
    <S> void forEachMarker(FieldVisitor<S> visitor, S state);

    /** The exception logged with the event, or null. */
    Throwable thrown();

    /** Where the log call was made, or null when the framework did not capture it. */
    StackTraceElement callerData();
}
