package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * A record Kafka will never take (too large, a topic name Kafka never accepts) is dropped with its
 * reason; the events around it flow.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UndeliverableRecordTest {
    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    UndeliverableRecordTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void recordsTooLargeForTheTopicOrTheProducerAreDroppedAndCounted(Durability durability) {
        String topic = "too-large-" + durability;
        broker.createTopic(topic, 1, Map.of("max.message.bytes", "20000"));
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .producerProperty("max.request.size", "200000").build(), new RecordingStatus())) {
            TestEvents events = new TestEvents(engine, topic, 50);
            events.submitRange(1, 100);
            submitIncompressible(engine, topic, 101, 60_000);   // larger than the topic takes
            events.submitRange(102, 200);
            submitIncompressible(engine, topic, 201, 300_000);  // larger than the producer sends
            events.submitRange(202, 300);

            Await.until(() -> engine.stats().shipped() + engine.stats().droppedTotal() >= 300,
                    Duration.ofSeconds(60), () -> "all answered: " + engine.stats());
            EngineStats stats = engine.stats();
            assertEquals(298, stats.shipped(), stats.toString());
            assertEquals(2, stats.dropped(DropReason.RECORD_TOO_LARGE), stats.toString());

            Delivery d = Delivery.of(broker.consume(topic, 298, Duration.ofSeconds(60)));
            assertEquals(List.of(101L, 201L), d.missing(1, 300), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void recordsForATopicNameKafkaNeverAcceptsAreDroppedAndCounted(Durability durability) {
        String topic = "invalid-name-" + durability;
        String invalid = "no spaces allowed!";
        broker.createTopic(topic, 1);
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .build(), status)) {
            TestEvents events = new TestEvents(engine, topic, 50);
            TestEvents toInvalid = new TestEvents(engine, invalid, 50);
            for (long n = 1; n <= 300; n++) {
                assertTrue((n % 30 == 0 ? toInvalid : events).submit(n));
            }

            Await.until(() -> engine.stats().shipped() + engine.stats().droppedTotal() >= 300,
                    Duration.ofSeconds(60), () -> "all answered: " + engine.stats());
            EngineStats stats = engine.stats();
            assertEquals(290, stats.shipped(), stats.toString());
            assertEquals(10, stats.dropped(DropReason.INVALID_TOPIC), stats.toString());
            assertTrue(status.anyContains("WARN", "topic " + invalid), "a warning names the topic: " + status.messages());

            Delivery d = Delivery.of(broker.consume(topic, 290, Duration.ofSeconds(60)));
            assertEquals(List.of(30L, 60L, 90L, 120L, 150L, 180L, 210L, 240L, 270L, 300L), d.missing(1, 300),
                    d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        }
    }

    private static void submitIncompressible(SpoolEngine engine, String topic, long n, int size) {
        Random random = new Random(n);
        StringBuilder sb = new StringBuilder().append(n).append(':');
        while (sb.length() < size) {
            sb.append((char) ('!' + random.nextInt(90)));
        }
        byte[] value = sb.toString().getBytes(StandardCharsets.UTF_8);
        engine.submit(new EncodedEvent().sequence(engine.nextSequence()).timestampMillis(System.currentTimeMillis())
                .level(LogLevel.ERROR).topic(topic).noKey().value(value, value.length));
    }
}
