package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A producer has no metadata for a topic until it first sends to it, and the engine's producer
 * never waits for metadata: a topic it has not written to yet is not an outage. Spools holding
 * several topics (a topic per namespace, an error topic) drain, and a topic first used while
 * Kafka is up (the first ERROR event) does not make the engine spool.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NewTopicTest {
    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    NewTopicTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aSpoolWithEventsForSeveralTopicsDrainsIntoEachOfThem(Durability durability) {
        String a = "several-a-" + durability;
        String b = "several-b-" + durability;
        broker.createTopic(a, 1);
        broker.createTopic(b, 1);
        broker.stop();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, durability).build();
        try (SpoolEngine first = TestConfigs.start(config, new RecordingStatus())) {
            TestEvents toA = new TestEvents(first, a, 50);
            TestEvents toB = new TestEvents(first, b, 50);
            for (long n = 1; n <= 1_000; n++) {
                assertTrue((n % 2 == 1 ? toA : toB).submit(n));
            }
        }
        broker.restart();
        try (SpoolEngine next = TestConfigs.start(config, new RecordingStatus())) {
            EngineAwait.shipped(next, 1_000);
            Delivery toA = Delivery.of(broker.consume(a, 500, Duration.ofSeconds(60)));
            Delivery toB = Delivery.of(broker.consume(b, 500, Duration.ofSeconds(60)));
            assertEquals(500, toA.missing(1, 1_000).stream().filter(n -> n % 2 == 0).count(), toA.toString());
            assertEquals(500, toB.missing(1, 1_000).stream().filter(n -> n % 2 == 1).count(), toB.toString());
            assertTrue(toA.problems().isEmpty() && toB.problems().isEmpty(), toA + " " + toB);
            assertEquals(0, next.stats().droppedTotal());
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aTopicFirstUsedWhileKafkaIsUpIsNotAnOutage(Durability durability) {
        String logs = "first-use-logs-" + durability;
        String errors = "first-use-errors-" + durability;
        broker.createTopic(logs, 1);
        broker.createTopic(errors, 1);
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, durability).build();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents toLogs = new TestEvents(engine, logs, 50);
            toLogs.submitRange(1, 200);
            EngineAwait.shipped(engine, 200);
            new TestEvents(engine, errors, 50).submitRange(201, 210);
            toLogs.submitRange(211, 400);
            EngineAwait.shipped(engine, 400);

            Delivery d = Delivery.of(broker.consume(logs, 390, Duration.ofSeconds(60)));
            Delivery e = Delivery.of(broker.consume(errors, 10, Duration.ofSeconds(60)));
            assertEquals(10, d.missing(1, 400).size(), d.toString());
            assertEquals(List.of(), e.missing(201, 210), e.toString());
            assertTrue(d.problems().isEmpty() && e.problems().isEmpty(), d + " " + e);
            assertFalse(status.messages().stream().anyMatch(m -> m.contains("not taking events")),
                    "no outage was reported: " + status.messages());
        }
    }
}
