package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events spooled through a long outage are older than the broker's
 * {@code log.message.timestamp.before.max.ms}: Kafka refuses their timestamps. They are shipped,
 * in order, with the send time as the record timestamp (the event's time stays in the value),
 * counted as restamped, with one warning; newer events keep their own time as the record
 * timestamp, also those logged before the refusal.
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RefusedTimestampTest {
    private static final long HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.withConfig(
            Map.of("log.message.timestamp.before.max.ms", String.valueOf(HOUR_MILLIS)));

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    RefusedTimestampTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void eventsOlderThanTheBrokerTakesAreShippedWithTheSendTime(Durability durability) {
        String topic = "refused-timestamps-" + durability;
        broker.createTopic(topic, 1);
        RecordingStatus status = new RecordingStatus();
        long threeHoursAgo = System.currentTimeMillis() - 3 * HOUR_MILLIS;
        long sentAfter = System.currentTimeMillis();
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .build(), status)) {
            TestEvents events = new TestEvents(engine, topic, 50);
            for (long n = 1; n <= 200; n++) {
                assertTrue(events.submitAt(n, threeHoursAgo + n));
            }
            Map<Long, Long> ownTime = new HashMap<>();
            for (long n = 201; n <= 300; n++) {
                long t = System.currentTimeMillis();
                assertTrue(events.submitAt(n, t));
                ownTime.put(n, t);
            }

            EngineAwait.shipped(engine, 300);
            EngineStats stats = engine.stats();
            System.out.println("refused timestamps, " + durability + ": " + stats);
            assertEquals(300, stats.shipped(), stats.toString());
            assertEquals(0, stats.droppedTotal(), stats.toString());
            assertEquals(200, stats.restamped(), "the old ones only: " + stats);
            assertEquals(1, status.messages().stream().filter(m -> m.startsWith("WARN")
                    && m.contains("refused the timestamp")).count(), "one warning: " + status.messages());

            List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume(topic, 300, Duration.ofSeconds(60));
            Delivery d = Delivery.of(arrived);
            assertEquals(List.of(), d.missing(1, 300), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            for (ConsumerRecord<byte[], byte[]> r : arrived) {
                String value = new String(r.value(), StandardCharsets.UTF_8);
                long n = Long.parseLong(value.substring(0, value.indexOf(':')));
                if (n <= 200) {
                    assertTrue(r.timestamp() >= sentAfter, "the send time, not three hours ago: " + r);
                } else {
                    assertEquals(ownTime.get(n).longValue(), r.timestamp(), "its own time: " + r);
                }
            }
        }
    }
}
