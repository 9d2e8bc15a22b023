package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolException;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/** What the producer's answer for one record means to the engine. */
enum SendOutcome {
    /** Not answered yet. */
    PENDING,
    /** Kafka acknowledged the record. */
    ACKED,
    /** Kafka will never take this record; drop it with a reason and go on. */
    UNDELIVERABLE,
    /**
     * The producer's buffer is full (Kafka is slower than logging right now), or the record waits
     * behind a partition's first record ({@link FirstBatches}): not taken, it goes again later.
     */
    BACKPRESSURE,
    /**
     * The producer has no metadata for the record's topic yet (with {@code max.block.ms=0} it
     * refuses the record at once and starts fetching it). For a topic this producer has not
     * written to yet this is normal, not an outage; for one it has, Kafka is gone.
     */
    NO_METADATA,
    /**
     * The broker refused the record's timestamp (outside the topic's
     * {@code message.timestamp.before.max.ms} / {@code after.max.ms}): it is sent again with the
     * send time as its timestamp ({@link Restamping}). Like a failure, it closes the producer, so
     * nothing of its partition overtakes it.
     */
    TIMESTAMP_REFUSED,
    /** Moved from the spool to its topic's parked store ({@link ParkedTopics}); nothing to send now. */
    PARKED,
    /** Kafka cannot take records now (unreachable, no leader, timed out, not authorised...): spool. */
    FAILED;

    /** Classifies a send failure. Only failures specific to one record are undeliverable. */
    static SendOutcome of(Exception e) {
        if (isRefusedTimestamp(e)) {
            return TIMESTAMP_REFUSED;
        }
        if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof InvalidTopicException
                || e instanceof SpoolException) {
            return UNDELIVERABLE;
        }
        if (e instanceof BufferExhaustedException) {
            return BACKPRESSURE;
        }
        if (e instanceof TimeoutException && String.valueOf(e.getMessage()).contains("not present in metadata")) {
            return NO_METADATA;
        }
        return FAILED;
    }

    /**
     * Whether the broker refused the record's timestamp: an {@link InvalidTimestampException}, or
     * what brokers send today, an {@link InvalidRecordException} for the record that says its
     * timestamp "is out of range".
     */
    static boolean isRefusedTimestamp(Exception e) {
        if (e instanceof InvalidTimestampException) {
            return true;
        }
        String m = e instanceof InvalidRecordException ? e.getMessage() : null;
        return m != null && m.startsWith("Timestamp ") && m.contains("out of range");
    }

    /**
     * The topic Kafka refused to authorise a produce for (the client may describe the topic but
     * not write to it), or null for any other failure.
     */
    static String unauthorisedTopic(Exception e) {
        if (e instanceof TopicAuthorizationException) {
            for (String topic : ((TopicAuthorizationException) e).unauthorizedTopics()) {
                return topic;
            }
        }
        return null;
    }

    /** The drop reason of an undeliverable record. */
    static DropReason dropReasonOf(Exception e) {
        if (isRefusedTimestamp(e)) {
            return DropReason.REJECTED;
        }
        if (e instanceof SpoolException) {
            return DropReason.SPOOL_ERROR;
        }
        if (e instanceof InvalidTopicException) {
            return DropReason.INVALID_TOPIC;
        }
        return e instanceof InvalidRecordException ? DropReason.REJECTED : DropReason.RECORD_TOO_LARGE;
    }
}
