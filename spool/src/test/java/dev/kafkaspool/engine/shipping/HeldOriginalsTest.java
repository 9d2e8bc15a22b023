package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineAwait;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.testbroker.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory durability: the producer's buffer fills while it holds records sent from memory. Those
 * are copied to the spool ahead of newer events and the producer is kept: a copy is not sent while
 * the producer holds its original; an acknowledged original's copy is committed without being sent,
 * and only when the producer fails an original are the copies sent, through a new producer. Mock
 * producers stand in for Kafka; {@code FullProducerBufferTest} does the same against a broker.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HeldOriginalsTest {
    private static final String TOPIC = "held";
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path spoolDir;

    private final List<FullableProducer> created = new CopyOnWriteArrayList<>();
    private final AtomicReference<FullableProducer> first = new AtomicReference<>();

    @Test
    void anAcknowledgedOriginalsCopyIsNotSent() {
        SpoolEngine engine = start();
        try {
            FullableProducer producer = fillTheBuffer(engine);
            while (producer.completeNext()) {
                // Kafka acknowledges every record the producer holds, the originals first.
            }
            EngineAwait.shipped(engine, 11);
            assertEquals(SentNumbers.range(1, 11), SentNumbers.of(producer.history()), "each event sent once, in order");
            assertEquals(1, created.size(), "the producer was kept");
            EngineStats stats = engine.stats();
            assertEquals(11, stats.accepted(), stats.toString());
            assertEquals(11, stats.shipped(), "counted once each: " + stats);
            assertEquals(10, stats.drained(), "all that were spooled left the spool: " + stats);
            assertEquals(0, stats.spoolEvents(), stats.toString());
            assertEquals(0, stats.droppedTotal(), stats.toString());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aFailedOriginalsCopyIsSentThroughTheNextProducer() {
        SpoolEngine engine = start();
        try {
            FullableProducer producer = fillTheBuffer(engine);
            assertTrue(producer.errorNext(new KafkaException("batch expired")));
            EngineAwait.shipped(engine, 11);
            FullableProducer next = created.get(created.size() - 1);
            assertTrue(next != producer, "a new producer took over");
            assertEquals(SentNumbers.range(2, 11), SentNumbers.of(next.history()),
                    "the new producer got every event Kafka had not acknowledged once, in order");
            EngineStats stats = engine.stats();
            assertEquals(11, stats.shipped(), stats.toString());
            assertEquals(0, stats.spoolEvents(), stats.toString());
            assertEquals(0, stats.droppedTotal(), stats.toString());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
    }

    /**
     * Events 1 to 10 go straight to the first producer; Kafka acknowledges event 1, the partition's
     * first record, and the producer holds the others unanswered; its buffer is full for event 11,
     * so events 2 to 11 are copied to the spool. Once the buffer has room, the drain sends event 11
     * and nothing else.
     */
    private FullableProducer fillTheBuffer(SpoolEngine engine) {
        Await.until(() -> engine.state() == EngineState.SHIPPING, BOUND,
                () -> "the engine sends straight to the producer, state " + engine.state());
        FullableProducer producer = first.get();
        TestEvents events = new TestEvents(engine, TOPIC, 10);
        events.submitRange(1, 10);
        // The partition's first record goes alone; Kafka acknowledges it (see FirstBatches).
        Await.until(() -> producer.history().size() == 1, BOUND,
                () -> "event 1 sent alone: " + SentNumbers.of(producer.history()));
        assertTrue(producer.completeNext());
        Await.until(() -> producer.history().size() == 10, BOUND,
                () -> "events 1 to 10 sent straight to the producer: " + SentNumbers.of(producer.history()));
        producer.full = true;
        events.submitRange(11, 11);
        Await.until(() -> engine.stats().spooled() == 10, BOUND,
                () -> "the records sent from memory copied to the spool, " + engine.stats());
        producer.full = false;
        Await.until(() -> producer.history().size() >= 11, BOUND,
                () -> "event 11 sent from the spool: " + SentNumbers.of(producer.history()));
        assertEquals(SentNumbers.range(1, 11), SentNumbers.of(producer.history()),
                "the copies of records it holds were not sent");
        return producer;
    }

    private SpoolEngine start() {
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", spoolDir, Durability.MEMORY)
                .parse(EngineSettings.STALL_TIMEOUT, "60s").build();
        return SpoolEngine.builder(config).status(new RecordingStatus()).producerFactory(props -> {
            // The first producer leaves records unanswered, so the test answers them; the next ones acknowledge at once.
            FullableProducer p = new FullableProducer(!created.isEmpty());
            first.compareAndSet(null, p);
            created.add(p);
            return p;
        }).start();
    }
}
