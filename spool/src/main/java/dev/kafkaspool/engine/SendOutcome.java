package dev.kafkaspool.engine;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** What the producer's answer for one record means to the engine. */
enum SendOutcome {
    /** Not answered yet. */
    PENDING,
    /** Kafka acknowledged the record. */
    ACKED,
    /** Kafka will never take this record; drop it with a reason and go on. */
    UNDELIVERABLE,
    /** The producer's buffer is full: Kafka is slower than logging right now. */
    BACKPRESSURE,
    /** Kafka cannot take records now (unreachable, no leader, timed out, not authorised...): spool. */
    FAILED;

    /** Classifies a send failure. Only failures specific to one record are undeliverable. */
    static SendOutcome of(Exception e) {
        if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException) {
            return UNDELIVERABLE;
        }
        if (e instanceof BufferExhaustedException) {
            return BACKPRESSURE;
        }
        return FAILED;
    }

    /** The drop reason of an undeliverable record. */
    static DropReason dropReasonOf(Exception e) {
        return e instanceof InvalidRecordException ? DropReason.REJECTED : DropReason.RECORD_TOO_LARGE;
    }
}
