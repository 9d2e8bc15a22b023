package dev.kafkaspool.metrics;

/**
 * One appender's counters, gauges and health over JMX, registered as
 * {@code dev.kafkaspool:type=KafkaSpool,name=<appender name>}. Every accepted event is shipped,
 * dropped (by reason) or still pending (in memory, in flight, or in the spool). Each read is a
 * fresh snapshot. The attribute names are documented in docs/operations.md, "Metrics and health".
 */
public interface KafkaSpoolMXBean {

    /** {@code starting}, {@code shipping}, {@code spooling}, {@code draining}, {@code stopped}, or {@code degraded: <cause>}. */
    String getHealth();

    /** The delivery state alone: {@code starting}, {@code shipping}, {@code spooling}, {@code draining} or {@code stopped}. */
    String getState();

    /** Why the appender keeps less than its configuration promises now, or the empty string. */
    String getProblem();

    long getAccepted();

    long getShipped();

    long getSpooled();

    long getDrained();

    /** Shipped with the send time as the record's timestamp: Kafka refused the event's own time. */
    long getRestamped();

    /** Dropped for any reason. */
    long getDropped();

    long getDroppedSpoolFull();

    long getDroppedRecordTooLarge();

    long getDroppedRejected();

    long getDroppedInvalidTopic();

    long getDroppedQueueFull();

    long getDroppedSpoolError();

    long getDroppedStopped();

    /** Bytes held by the spool's events not yet acknowledged. */
    long getSpoolBytes();

    /** Events in the spool not yet acknowledged. */
    long getSpoolEvents();

    /** Times the disk spool forced what it had written to the disk ({@code syncInterval}). */
    long getSpoolSyncs();

    /** Age of the oldest event in the spool, 0 when it is empty. */
    long getOldestUnshippedAgeMillis();

    /** Mean time from send to Kafka's acknowledgement, over all shipped events. */
    double getSendLatencyMeanMillis();

    /** False when the disk spool could not be opened and events wait in memory instead. */
    boolean isDiskSpool();
}
