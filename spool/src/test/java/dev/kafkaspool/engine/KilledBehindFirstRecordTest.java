package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker killed while a partition's first record waits for its answer, the moment at which the
 * shipper hands nothing more ({@code FirstBatches}) and so no send can find that Kafka is gone:
 * the engine still takes it for an outage at once, from the producer having forgotten the topic,
 * not after {@code stallTimeout} (here fifteen minutes, and the producer's request and delivery
 * timeouts ten and fifteen, so that nothing else would notice within {@link Await}'s two). After a restart every event arrives,
 * each partition in logging order.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KilledBehindFirstRecordTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    /** Events before the pause: most of the first run of 1,024 events, all on one partition. */
    private static final int BEFORE = 1_000;
    /** Events in all: the run after the first goes to the other partition. */
    private static final int EVENTS = 1_100;

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    KilledBehindFirstRecordTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aBrokerKilledWhileAFirstRecordWaitsIsAnOutageAtOnce() {
        String topic = "killed-behind-first";
        broker.createTopic(topic, 2);
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY)
                .parse(EngineSettings.STALL_TIMEOUT, "15m")
                .producerProperty("request.timeout.ms", String.valueOf(TimeUnit.MINUTES.toMillis(10)))
                .producerProperty("delivery.timeout.ms", String.valueOf(TimeUnit.MINUTES.toMillis(15)))
                .producerProperty("interceptor.classes", HandedPartitions.class.getName())
                .build();
        HandedPartitions.PARTITIONS.clear();
        RecordingStatus status = new RecordingStatus();
        EngineStats stats;
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents events = new TestEvents(engine, topic, 100);
            assertEquals(BEFORE, events.submitRange(1, BEFORE));
            EngineAwait.shipped(engine, BEFORE);
            long spooledBefore = engine.stats().spooled();
            assertEquals(1, HandedPartitions.PARTITIONS.size(), "one run, one partition: " + HandedPartitions.PARTITIONS);

            broker.pause();
            assertEquals(EVENTS - BEFORE, events.submitRange(BEFORE + 1, EVENTS));
            Await.until(() -> HandedPartitions.PARTITIONS.size() == 2, BOUND,
                    () -> "the other partition's first record is handed, stats " + engine.stats());
            broker.kill();
            Await.until(() -> engine.state() == EngineState.SPOOLING, BOUND,
                    () -> "the kill is taken for an outage, state " + engine.state() + ", stats " + engine.stats());
            Await.until(() -> status.warnings().stream().anyMatch(w -> w.contains("not present in metadata")), BOUND,
                    () -> "the outage names the forgotten topic: " + status.warnings());

            broker.restart();
            EngineAwait.shipped(engine, EVENTS);
            assertTrue(engine.stop(Duration.ofSeconds(30)), "the engine stops");
            stats = engine.stats();
            assertEquals(0, stats.droppedTotal(), stats.toString());
            assertTrue(stats.spooled() > spooledBefore,
                    "the outage sent the events behind the first record to the spool: " + stats + ", before " + spooledBefore);
        }
        Delivery d = Delivery.of(broker.consume(topic, EVENTS, BOUND));
        System.out.println("KilledBehindFirstRecordTest: sent=" + EVENTS + " arrived distinct=" + d.numbers().size()
                + " duplicates=" + d.duplicates() + " spooled=" + stats.spooled() + " drained=" + stats.drained()
                + " dropped=" + stats.droppedTotal());
        assertEquals(List.of(), d.missing(1, EVENTS), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }

    /** Records which partitions the engine handed records for (an interceptor the producer makes). */
    public static final class HandedPartitions implements ProducerInterceptor<byte[], byte[]> {
        static final Set<Integer> PARTITIONS = ConcurrentHashMap.newKeySet();

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            PARTITIONS.add(record.partition());
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
