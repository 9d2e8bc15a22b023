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
 * A burst submitted flat out from the engine's start, far faster than Kafka takes it, Kafka healthy
 * the whole time (memory durability, the engine's own producer settings, a spool cap of half the
 * burst): every event arrives, in order, none is dropped, and the engine ends sending straight to
 * Kafka. The events logged before Kafka first answered go to the spool; after that, new events
 * wait in the queue while Kafka answers instead of going through the spool, which costs the
 * shipper more than sending them: before that was so, the spool outgrew its cap and about a
 * quarter of this burst was dropped ({@code spoolFull}).
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HealthyBurstTest {
    private static final int EVENTS = 400_000;
    private static final int PADDING = 300;

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    HealthyBurstTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aBurstFasterThanKafkaIsDeliveredWholeWithoutDrops() {
        String topic = "healthy-burst";
        broker.createTopic(topic, 1);
        SpoolConfig config = SpoolConfig.builder()
                .set(EngineSettings.NAME, "burst")
                .set(EngineSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .set(EngineSettings.SPOOL_DIR, spoolDir)
                .set(EngineSettings.DURABILITY, Durability.MEMORY)
                .parse(EngineSettings.MAX_BYTES, "64MiB") // the burst is about 140 MB
                .parse(EngineSettings.BLOCK_TIMEOUT, "2s")
                .build();
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents events = new TestEvents(engine, topic, PADDING);
            int accepted = events.submitRange(1, EVENTS);

            EngineAwait.shipped(engine, EVENTS);
            EngineStats stats = engine.stats();
            assertEquals(EVENTS, accepted, stats.toString());
            assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats);
            assertEquals(EngineState.SHIPPING, stats.state(), "back to sending straight to Kafka: " + stats);
            assertTrue(stats.spooled() < EVENTS / 2, "most events went straight to Kafka: " + stats);
        }
        Delivery d = Delivery.of(broker.consume(topic, EVENTS, Duration.ofSeconds(120)));
        assertEquals(List.of(), d.missing(1, EVENTS), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }
}
