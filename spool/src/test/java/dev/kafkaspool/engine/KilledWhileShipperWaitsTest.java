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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker killed while the shipper hands the producer nothing more, so that no send can find
 * that Kafka is gone: behind a partition's first record, which goes alone until Kafka answers it
 * ({@code FirstBatches}), or with the window of unanswered records full. The engine still takes
 * the kill for an outage at once, from the producer having forgotten the topic, not after
 * {@code stallTimeout} (here fifteen minutes, and the producer's request and delivery timeouts ten
 * and fifteen, so that nothing else would notice within {@link Await}'s two). The broker is paused
 * (SIGSTOP) first, so that the records are handed and stay unanswered. After a restart every event
 * arrives, each partition in logging order.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KilledWhileShipperWaitsTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    /** Events before the pause: most of the first run of 1,024 events, all on one partition. */
    private static final int BEFORE = 1_000;

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    KilledWhileShipperWaitsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Two partitions: the run after the first goes to the other one, whose first record waits alone. */
    @Test
    void behindAPartitionsFirstRecord() {
        killWhileWaiting("killed-behind-first", 2, 1_100, () -> Handed.PARTITIONS.size() == 2,
                "the other partition's first record is handed");
    }

    /** One partition: the broker takes nothing more once the window holds its 100,000 records. */
    @Test
    void withTheWindowFull() {
        killWhileWaiting("killed-window-full", 1, 111_000, () -> Handed.COUNT.get() >= 100_000,
                "the window of 100,000 unanswered records is full");
    }

    private void killWhileWaiting(String topic, int partitions, int events, BooleanSupplier waiting, String what) {
        broker.createTopic(topic, partitions);
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY)
                .parse(EngineSettings.STALL_TIMEOUT, "15m")
                .producerProperty("request.timeout.ms", String.valueOf(TimeUnit.MINUTES.toMillis(10)))
                .producerProperty("delivery.timeout.ms", String.valueOf(TimeUnit.MINUTES.toMillis(15)))
                .producerProperty("interceptor.classes", Handed.class.getName())
                .build();
        Handed.PARTITIONS.clear();
        RecordingStatus status = new RecordingStatus();
        EngineStats stats;
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents logged = new TestEvents(engine, topic, 100);
            assertEquals(BEFORE, logged.submitRange(1, BEFORE));
            EngineAwait.shipped(engine, BEFORE);
            long spooledBefore = engine.stats().spooled();
            assertEquals(1, Handed.PARTITIONS.size(), "one run, one partition: " + Handed.PARTITIONS);

            broker.pause();
            Handed.COUNT.set(0);
            assertEquals(events - BEFORE, logged.submitRange(BEFORE + 1, events));
            Await.until(waiting, BOUND, () -> what + ", handed since the pause " + Handed.COUNT + ", stats "
                    + engine.stats());
            broker.kill();
            Await.until(() -> engine.state() == EngineState.SPOOLING, BOUND,
                    () -> "the kill is taken for an outage, state " + engine.state() + ", stats " + engine.stats());
            Await.until(() -> status.warnings().stream().anyMatch(w -> w.contains("not present in metadata")), BOUND,
                    () -> "the outage names the forgotten topic: " + status.warnings());

            broker.restart();
            EngineAwait.shipped(engine, events);
            assertTrue(engine.stop(Duration.ofSeconds(30)), "the engine stops");
            stats = engine.stats();
            assertEquals(0, stats.droppedTotal(), stats.toString());
            assertTrue(stats.spooled() > spooledBefore,
                    "the outage sent the waiting events to the spool: " + stats + ", before " + spooledBefore);
        }
        Delivery d = Delivery.of(broker.consume(topic, events, BOUND));
        System.out.println("KilledWhileShipperWaitsTest " + topic + ": sent=" + events + " arrived distinct="
                + d.numbers().size() + " duplicates=" + d.duplicates() + " spooled=" + stats.spooled() + " drained="
                + stats.drained() + " dropped=" + stats.droppedTotal());
        assertEquals(List.of(), d.missing(1, events), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }

    /** Counts the records the engine handed, and their partitions (an interceptor the producer makes). */
    public static final class Handed implements ProducerInterceptor<byte[], byte[]> {
        static final Set<Integer> PARTITIONS = ConcurrentHashMap.newKeySet();
        static final AtomicLong COUNT = new AtomicLong();

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            PARTITIONS.add(record.partition());
            COUNT.incrementAndGet();
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
