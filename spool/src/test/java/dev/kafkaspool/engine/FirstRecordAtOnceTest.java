package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition's first record, which goes alone and holds up the records behind it until Kafka has
 * acknowledged it, is sent at once, not after {@code linger.ms}: with a linger of ten minutes,
 * the first event is acknowledged within {@link EngineAwait}'s two. The events behind it linger
 * in the producer until the stop, which has the producer send them at once too: every one
 * arrives, in order.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FirstRecordAtOnceTest {
    private static final String NAME = "at-once";
    private static final int EVENTS = 100;

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    FirstRecordAtOnceTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aPartitionsFirstRecordDoesNotWaitOutTheLinger() {
        String topic = "first-record-at-once";
        broker.createTopic(topic, 1);
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY)
                .set(EngineSettings.NAME, NAME)
                .parse(EngineSettings.STALL_TIMEOUT, "15m") // above the linger: lingering records are no stall
                .producerProperty("linger.ms", String.valueOf(TimeUnit.MINUTES.toMillis(10)))
                .producerProperty("delivery.timeout.ms", String.valueOf(TimeUnit.MINUTES.toMillis(15)))
                .build();
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents events = new TestEvents(engine, topic, 10);
            events.submitRange(1, 1);
            EngineAwait.shipped(engine, 1);
            Thread flusher = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("kafka-spool-" + NAME + "-flusher")).findFirst().orElseThrow();
            assertTrue(engine.isOwnThread(flusher), "the appenders keep the flushing thread's logs out");

            assertEquals(EVENTS - 1, events.submitRange(2, EVENTS));
            engine.stop(Duration.ofSeconds(30));
            EngineStats stats = engine.stats();
            assertEquals(EVENTS, stats.shipped(), "the stop sent the lingering events: " + stats);
            assertEquals(0, stats.droppedTotal(), stats.toString());
        }
        Delivery d = Delivery.of(broker.consume(topic, EVENTS, Duration.ofSeconds(60)));
        assertEquals(List.of(), d.missing(1, EVENTS), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }
}
