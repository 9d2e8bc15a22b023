package dev.kafkaspool.engine;

/** Why an event was dropped. Every dropped event is counted under exactly one reason. */
public enum DropReason {
    /** The spool held {@code maxBytes} and the full policy discarded an event. */
    SPOOL_FULL("spoolFull"),
    /** The record is larger than the producer or the broker accepts. */
    RECORD_TOO_LARGE("recordTooLarge"),
    /** The broker refused the record as invalid; it would never accept it. */
    REJECTED("rejected"),
    /** The record's topic is a name Kafka never accepts as a topic. */
    INVALID_TOPIC("invalidTopic"),
    /** The in-memory queue stayed full for {@code blockTimeout}. */
    QUEUE_FULL("queueFull"),
    /** The spool could not write the event (disk error) while Kafka could not take it. */
    SPOOL_ERROR("spoolError"),
    /** The event was logged after stop, or could be neither shipped nor spooled during stop. */
    STOPPED("stopped");

    private final String metricName;

    DropReason(String metricName) {
        this.metricName = metricName;
    }

    /** The name used in counters, metrics and status messages. */
    public String metricName() {
        return metricName;
    }

    @Override
    public String toString() {
        return metricName;
    }
}
