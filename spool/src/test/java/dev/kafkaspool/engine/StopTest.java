package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stop is idempotent, ships what it can, keeps what it could not ship, and counts what comes after it. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StopTest {
    /** Long enough that a stop that ends only within it is a hang; no test asserts how long a stop takes. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(60);

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    StopTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void stopWithTheBrokerDownKeepsEveryEventInTheSpoolAndSaysSo() {
        String topic = "stop-broker-down";
        broker.createTopic(topic, 1);
        broker.stop();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY).build();
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = TestConfigs.start(config, status);
        new TestEvents(engine, topic, 100).submitRange(1, 1_000);

        assertTrue(engine.stop(HANG_BOUND), "the stop ends");
        assertTrue(engine.stop(HANG_BOUND), "a second stop is harmless");
        assertFalse(engine.submit(Events.event(engine.nextSequence(), "late")), "events after stop are refused");
        EngineStats stopped = engine.stats();
        assertEquals(EngineState.STOPPED, engine.state());
        assertEquals(1_000, stopped.spoolEvents(), "every event is in the spool: " + stopped);
        assertEquals(0, stopped.shipped(), stopped.toString());
        assertEquals(1, stopped.dropped(DropReason.STOPPED), "only the event after stop is dropped: " + stopped);
        assertTrue(status.anyContains("INFO", "1000 event(s) stay in the"), "the stop says where the events are: "
                + status.messages());
        try (SpoolInspection inspection = SpoolInspection.open(spoolDir)) {
            assertEquals(1_000, inspection.summary().pendingEvents(), "the spool on disk holds them");
        }

        broker.restart();
        try (SpoolEngine next = TestConfigs.start(config, new RecordingStatus())) {
            EngineAwait.shipped(next, 1_000);
            Delivery d = Delivery.of(broker.consume(topic, 1_000, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, 1_000), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        }
    }

    /**
     * Kafka unreachable since the start and the process stops before {@code stallTimeout} has made
     * that an outage: the stop does not wait for Kafka (it says so), and the events stay in the spool.
     */
    @Test
    void stopRightAfterAStartWithKafkaUnreachableLeavesTheSpoolForTheNextStart() {
        String topic = "stop-unreachable";
        broker.createTopic(topic, 1);
        broker.stop();
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK)
                .parse(EngineSettings.STALL_TIMEOUT, "60s").build();
        SpoolEngine engine = TestConfigs.start(config, status);
        new TestEvents(engine, topic, 100).submitRange(1, 500);

        assertTrue(engine.stop(HANG_BOUND), "the stop ends");
        assertTrue(status.messages().stream().anyMatch(m -> m.contains("no connection to Kafka")
                && m.contains("500 event(s) stay in the")), status.messages().toString());
        assertEquals(500, engine.stats().spoolEvents(), engine.stats().toString());
    }

    /**
     * The same with a listener that takes the connections and closes them unanswered (TLS spoken to
     * a plaintext port: the broker closes each connection after the handshake's first bytes). The
     * producer opens connections, so only their failing tells the stop that Kafka is out of reach.
     */
    @Test
    void stopRightAfterAStartWithConnectionsClosedUnansweredLeavesTheSpoolForTheNextStart() {
        String topic = "stop-unanswered";
        broker.createTopic(topic, 1);
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK)
                .parse(EngineSettings.STALL_TIMEOUT, "60s").producerProperty("security.protocol", "SSL").build();
        SpoolEngine engine = TestConfigs.start(config, status);
        new TestEvents(engine, topic, 100).submitRange(1, 500);

        assertTrue(engine.stop(Duration.ofSeconds(60)), "the stop ends");
        assertTrue(status.messages().stream().anyMatch(m -> m.contains("no connection to Kafka")
                && m.contains("500 event(s) stay in the")), status.messages().toString());
        assertEquals(500, engine.stats().spoolEvents(), engine.stats().toString());
    }

    /**
     * A stop during an outage that has just ended (pods stopped as Kafka comes back): the stop
     * tries Kafka once more without waiting out the back-off, and ships the spool. Here the
     * producer refuses every record while the test says so, then takes them again right before
     * the stop, at a back-off of up to a second since the last refusal.
     */
    @Test
    void stopRightAfterAnOutageEndedShipsTheSpool() {
        String topic = "stop-after-outage";
        broker.createTopic(topic, 1);
        AtomicBoolean refusing = new AtomicBoolean();
        SpoolEngine engine = SpoolEngine.builder(TestConfigs.config(broker.bootstrapServers(), spoolDir,
                        Durability.MEMORY).build())
                .status(new RecordingStatus())
                .producerFactory(properties -> new KafkaProducer<byte[], byte[]>(properties) {
                    @Override
                    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                        if (refusing.get()) {
                            throw new KafkaException("refused by the test");
                        }
                        return super.send(record, callback);
                    }
                }).start();
        TestEvents events = new TestEvents(engine, topic, 100);
        events.submitRange(1, 100);
        EngineAwait.shipped(engine, 100);
        refusing.set(true);
        events.submitRange(101, 200);
        Await.until(() -> engine.state() == EngineState.SPOOLING && engine.stats().spoolEvents() == 100,
                HANG_BOUND, () -> "the refusals are an outage, stats " + engine.stats());

        refusing.set(false);
        assertTrue(engine.stop(HANG_BOUND), "the stop ends");
        EngineStats stats = engine.stats();
        assertEquals(0, stats.spoolEvents(), "the stop shipped the spool: " + stats);
        assertEquals(200, stats.shipped(), stats.toString());
        Delivery d = Delivery.of(broker.consume(topic, 200, Duration.ofSeconds(60)));
        assertEquals(List.of(), d.missing(1, 200), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }

    /**
     * A process that logs right after it started and stops at once (a batch job, a Kubernetes Job
     * whose spool goes with its pod): the events that went to the spool while the producer was not
     * ready yet are shipped by the stop too, not left for a next process.
     */
    @ParameterizedTest
    @EnumSource(Durability.class)
    void stopWithTheBrokerUpShipsEverythingRightAfterStart(Durability durability) {
        String topic = "stop-broker-up-" + durability;
        broker.createTopic(topic, 1);
        SpoolEngine engine = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, durability).build(), new RecordingStatus());
        new TestEvents(engine, topic, 100).submitRange(1, 2_000);

        assertTrue(engine.stop(HANG_BOUND), "the stop ends");
        EngineStats stats = engine.stats();
        assertEquals(2_000, stats.shipped(), stats.toString());
        assertEquals(0, stats.spoolEvents(), stats.toString());
        Delivery d = Delivery.of(broker.consume(topic, 2_000, Duration.ofSeconds(60)));
        assertEquals(List.of(), d.missing(1, 2_000), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
    }
}
