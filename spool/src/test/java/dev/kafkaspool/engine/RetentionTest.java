package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record keeps its event's time as its Kafka timestamp, and the topic's time retention counts
 * from it: events that reach Kafka later than {@code retention.ms} after they were logged (a spool
 * kept through a long outage) are deleted by Kafka's retention check once a newer segment follows,
 * as they would have been had they arrived on time. Kafka deletes them, not the engine: they count
 * as shipped, and the newer events stay.
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RetentionTest {
    private static final long HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);

    /** Retention checks every second instead of every 5 minutes (30 s after start by default). */
    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.withConfig(Map.of(
            "log.retention.check.interval.ms", "1000",
            "log.initial.task.delay.ms", "1000"));

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    RetentionTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void eventsOlderThanTheTopicsRetentionWhenTheyArriveAreDeletedByKafka() {
        String topic = "retention";
        // One hour of retention; a segment rolls once a record is a minute newer than its first.
        broker.createTopic(topic, 1, Map.of("retention.ms", String.valueOf(HOUR_MILLIS), "segment.ms", "60000"));
        long threeHoursAgo = System.currentTimeMillis() - 3 * HOUR_MILLIS;
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(broker.bootstrapServers(), spoolDir,
                Durability.MEMORY).build(), new RecordingStatus())) {
            TestEvents events = new TestEvents(engine, topic, 50);
            for (long n = 1; n <= 100; n++) {
                assertTrue(events.submitAt(n, threeHoursAgo + n));
            }
            EngineAwait.shipped(engine, 100);
            assertEquals(100, events.submitRange(101, 200));
            EngineAwait.shipped(engine, 200);
            EngineStats stats = engine.stats();
            assertEquals(0, stats.droppedTotal(), stats.toString());
            assertEquals(0, stats.restamped(), "Kafka took the events' own time: " + stats);

            Await.until(() -> Delivery.of(broker.consumeAll(topic, Duration.ofSeconds(10))).records() == 100,
                    Duration.ofSeconds(120), () -> "Kafka deletes the segment of the three-hour-old events");
            Delivery d = Delivery.of(broker.consumeAll(topic, Duration.ofSeconds(10)));
            System.out.println("RetentionTest: " + stats + "; in the topic after the retention check: " + d);
            assertEquals(List.of(), d.missing(101, 200), "the newer events stay: " + d);
            assertEquals(100, d.missing(1, 100).size(), "the old events are gone: " + d);
        }
    }
}
