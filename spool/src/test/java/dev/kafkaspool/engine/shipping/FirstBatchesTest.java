package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import dev.kafkaspool.engine.LogLevel;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * A producer's first record on a partition goes alone: nothing more is handed until Kafka answered
 * it. The records of a partition Kafka has acknowledged one on go on meanwhile; a partition left
 * idle for a minute, or whose first record Kafka dropped, starts alone again.
 */
class FirstBatchesTest {
    private final InFlightWindow window = new InFlightWindow();
    private final FirstBatches first = new FirstBatches();
    private long now = 1_000_000_000L;

    @Test
    void nothingMoreIsHandedUntilAPartitionsFirstRecordIsAcknowledged() {
        assertTrue(first.open());
        assertTrue(first.admits("logs", 0, now));
        CompletableFuture<RecordMetadata> answer = handed("logs", 0);
        assertFalse(first.open(), "the first record on partition 0 waits for its answer");
        assertFalse(first.admits("logs", 0, now), "its own partition");
        assertFalse(first.admits("logs", 1, now), "a partition nothing was acknowledged on");
        assertFalse(first.admits("audit", 0, now), "another topic's");

        answer.complete(null);
        assertTrue(first.open());
        assertTrue(first.admits("logs", 0, now));
        handed("logs", 0).complete(null);
        assertTrue(first.open(), "a second record on a partition Kafka acknowledged one on does not close it");

        CompletableFuture<RecordMetadata> other = handed("logs", 1);
        assertFalse(first.open(), "partition 1's first record waits");
        assertTrue(first.admits("logs", 0, now), "records of partition 0 go on meanwhile");
        assertFalse(first.admits("audit", 0, now), "the same partition number of another topic is new");
        other.complete(null);
        assertTrue(first.admits("audit", 0, now));
    }

    @Test
    void aFirstRecordKafkaDroppedLeavesItsPartitionNew() {
        InFlight dropped = inFlight("logs", 2);
        dropped.sentAs(new CompletableFuture<>());
        first.handed(dropped, 2, now);
        dropped.onCompletion(null, new RecordTooLargeException("too large"));
        assertTrue(first.open(), "answered: records may be handed again");

        handed("logs", 2);
        assertFalse(first.open(), "the next record is again the partition's first");
    }

    @Test
    void aPartitionIdleForAMinuteStartsAloneAgain() {
        handed("logs", 0).complete(null);
        assertTrue(first.open());
        now += FirstBatches.IDLE_NANOS - 1;
        handed("logs", 0);
        assertTrue(first.open(), "a record within the minute goes on as before");
        now += FirstBatches.IDLE_NANOS;
        handed("logs", 0);
        assertFalse(first.open(), "a minute after the last record, the next goes alone");
    }

    @Test
    void onlyAPartitionsFirstRecordIsToBeSentAtOnce() {
        InFlight f = inFlight("logs", 0);
        CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
        f.sentAs(answer);
        assertTrue(first.handed(f, 0, now), "the first record on partition 0");
        answer.complete(null);
        assertTrue(first.open());
        InFlight next = inFlight("logs", 0);
        next.sentAs(new CompletableFuture<>());
        assertFalse(first.handed(next, 0, now), "a record behind one Kafka acknowledged waits for its batch");
        now += FirstBatches.IDLE_NANOS;
        InFlight later = inFlight("logs", 0);
        later.sentAs(new CompletableFuture<>());
        assertTrue(first.handed(later, 0, now), "the first after a minute idle goes alone again");
    }

    private CompletableFuture<RecordMetadata> handed(String topic, int partition) {
        InFlight f = inFlight(topic, partition);
        CompletableFuture<RecordMetadata> answer = new CompletableFuture<>();
        f.sentAs(answer);
        first.handed(f, partition, now);
        return answer;
    }

    private InFlight inFlight(String topic, int partition) {
        return new InFlight(window, null, partition, now, 1, partition, 0, LogLevel.INFO, topic, null,
                "v".getBytes(StandardCharsets.US_ASCII));
    }
}
