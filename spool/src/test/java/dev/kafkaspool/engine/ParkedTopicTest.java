package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An error topic that does not exist on a broker that does not create topics, while the main
 * topic exists: the main topic's events all arrive while the error topic is missing; the error
 * topic's events are parked, counted as in the spool, none dropped; once the topic exists they all
 * arrive, in order, the parked ones first. In disk durability the parked events survive a restart.
 * Parked events count against {@code maxBytes}: at the cap the oldest of them are dropped. The stop
 * tries the parked topics again: a topic created since its last try is shipped by the stop; one
 * still missing is said, and its events stay parked.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ParkedTopicTest {
    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.withConfig(Map.of("auto.create.topics.enable", "false"));

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    ParkedTopicTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aMissingErrorTopicDoesNotStopTheMainTopic(Durability durability) {
        String logs = "parked-logs-" + durability;
        String errors = "parked-errors-" + durability;
        broker.createTopic(logs, 1);
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(config(durability), status)) {
            submit(engine, logs, errors, 1, 300);
            Await.until(() -> engine.stats().shipped() >= 270, Duration.ofSeconds(60),
                    () -> "the main topic's events are shipped: " + engine.stats());
            submit(engine, logs, errors, 301, 400);
            // The spool commits past a parked event just after the events before it are counted.
            awaitParked(engine, 360, 40);
            EngineStats parked = engine.stats();
            System.out.println("error topic missing, " + durability + ": " + parked);
            assertEquals(360, parked.shipped(), parked.toString());
            assertEquals(0, parked.droppedTotal(), parked.toString());
            assertEquals(40, parked.spoolEvents(), "the parked events are in the spool: " + parked);
            assertTrue(parked.health().contains(errors), parked.health());
            assertTrue(status.anyContains("WARN", "its events are parked"), status.messages().toString());

            broker.createTopic(errors, 1);
            EngineAwait.shipped(engine, 400);
            assertDelivered(logs, errors, 400);
            EngineStats shipped = engine.stats();
            System.out.println("error topic created, " + durability + ": " + shipped);
            assertEquals(0, shipped.spoolEvents(), shipped.toString());
            assertEquals(0, shipped.droppedTotal(), shipped.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void theStopShipsATopicCreatedSinceItsLastTry(Durability durability) {
        String logs = "stop-logs-" + durability;
        String errors = "stop-errors-" + durability;
        broker.createTopic(logs, 1);
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = TestConfigs.start(config(durability), status);
        long stopStart;
        try (engine) {
            submit(engine, logs, errors, 1, 300);
            awaitParked(engine, 270, 30);
            assertTrue(status.anyContains("WARN", "its events are parked"), status.messages().toString());
            // Created, and the engine stopped at once: no try of the parked topic comes in between.
            broker.createTopic(errors, 1);
            stopStart = System.nanoTime();
        }
        EngineStats stopped = engine.stats();
        System.out.println("parked topic created just before the stop, " + durability + ", the stop took "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart) + " ms: " + stopped);
        assertEquals(300, stopped.shipped(), stopped.toString());
        assertEquals(0, stopped.spoolEvents(), stopped.toString());
        assertEquals(0, stopped.droppedTotal(), stopped.toString());
        assertTrue(status.anyContains("INFO", "Kafka takes events for topic " + errors + " again"),
                status.messages().toString());
        assertFalse(status.anyContains("INFO", "they are parked in the spool"), status.messages().toString());
        assertDelivered(logs, errors, 300);
    }

    @Test
    void parkedEventsSurviveARestart() {
        String logs = "restart-logs";
        String errors = "restart-errors";
        broker.createTopic(logs, 1);
        SpoolConfig config = config(Durability.DISK);
        RecordingStatus firstStatus = new RecordingStatus();
        long stopStart;
        try (SpoolEngine first = TestConfigs.start(config, firstStatus)) {
            submit(first, logs, errors, 1, 300);
            awaitParked(first, 270, 30);
            stopStart = System.nanoTime();
        }
        System.out.println("the error topic still missing, the stop took "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStart) + " ms");
        // Tried again at stop, and still missing: the stop says so, and its 30 events stay parked.
        assertTrue(firstStatus.anyContains("INFO", "stopped: state=stopped problem=Kafka does not take events for "
                + "topic(s) " + errors + " yet; they are parked in the spool"), firstStatus.messages().toString());
        assertTrue(firstStatus.anyContains("INFO", "spoolEvents=30 "), firstStatus.messages().toString());
        broker.createTopic(errors, 1);
        try (SpoolEngine next = TestConfigs.start(config, new RecordingStatus())) {
            EngineAwait.shipped(next, 30);
            submit(next, logs, errors, 301, 400);
            EngineAwait.shipped(next, 130);
            System.out.println("parked events after a restart: " + next.stats());
            assertEquals(0, next.stats().droppedTotal(), next.stats().toString());
        }
        assertDelivered(logs, errors, 400);
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void parkedEventsCountAgainstMaxBytes(Durability durability) {
        String logs = "capped-logs-" + durability;
        String errors = "capped-errors-" + durability;
        broker.createTopic(logs, 1);
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .parse(EngineSettings.STALL_TIMEOUT, "3s").parse(EngineSettings.MAX_BYTES, "1MiB")
                .parse(EngineSettings.FULL_POLICY, "dropOldest").build();
        try (SpoolEngine engine = TestConfigs.start(config, new RecordingStatus())) {
            submit(engine, logs, errors, 1, 10);
            Await.until(() -> engine.stats().shipped() >= 9 && engine.stats().spoolEvents() == 1,
                    Duration.ofSeconds(60), () -> "the error topic is parked: " + engine.stats());
            // 3 MB of events for the parked topic, in rounds of 100, each followed by a main-topic event:
            // once that one is shipped, the spool has moved the round to the parked store.
            TestEvents toErrors = new TestEvents(engine, errors, 1_000);
            TestEvents toLogs = new TestEvents(engine, logs, 50);
            long n = 10;
            for (int round = 1; round <= 30; round++) {
                for (int i = 0; i < 100; i++) {
                    assertTrue(toErrors.submit(++n));
                }
                assertTrue(toLogs.submit(++n));
                long shipped = 9 + round;
                Await.until(() -> engine.stats().shipped() >= shipped, Duration.ofSeconds(60),
                        () -> "the main topic's event is shipped: " + engine.stats());
            }
            Await.until(() -> engine.stats().spoolEvents() + engine.stats().shipped()
                    + engine.stats().droppedTotal() == 3_040, Duration.ofSeconds(60),
                    () -> "every event is shipped, dropped or in the spool: " + engine.stats());
            EngineStats capped = engine.stats();
            System.out.println("parked events at the cap, " + durability + ": " + capped);
            assertTrue(capped.spoolBytes() <= 1L << 20, capped.toString());
            assertTrue(capped.dropped(DropReason.SPOOL_FULL) > 0, capped.toString());
            assertEquals(capped.droppedTotal(), capped.dropped(DropReason.SPOOL_FULL), capped.toString());

            broker.createTopic(errors, 1);
            Await.until(() -> engine.stats().spoolEvents() == 0, Duration.ofSeconds(120),
                    () -> "the parked events are shipped: " + engine.stats());
            EngineStats shipped = engine.stats();
            Delivery e = Delivery.of(broker.consume(errors, (int) (3_001 - shipped.droppedTotal()),
                    Duration.ofSeconds(60)));
            assertEquals(3_001 - shipped.droppedTotal(), e.numbers().size(), e + " " + shipped);
            assertTrue(e.numbers().contains(3_039L), "the newest parked event is kept: " + e);
            assertTrue(e.problems().isEmpty(), e.toString());
        }
    }

    private SpoolConfig config(Durability durability) {
        return TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .parse(EngineSettings.STALL_TIMEOUT, "3s").build();
    }

    /** Waits until {@code shipped} main-topic events are shipped and {@code parked} error-topic events are parked. */
    private static void awaitParked(SpoolEngine engine, long shipped, long parked) {
        Await.until(() -> engine.stats().shipped() >= shipped && engine.stats().spoolEvents() == parked,
                Duration.ofSeconds(60), () -> "the main topic's events are shipped, the error topic's parked: "
                        + engine.stats());
    }

    /** Every tenth event goes to the error topic, the others to the main topic. */
    private static void submit(SpoolEngine engine, String logs, String errors, long from, long to) {
        TestEvents toLogs = new TestEvents(engine, logs, 50);
        TestEvents toErrors = new TestEvents(engine, errors, 50);
        for (long n = from; n <= to; n++) {
            assertTrue((n % 10 == 0 ? toErrors : toLogs).submit(n));
        }
    }

    private void assertDelivered(String logs, String errors, int count) {
        Delivery d = Delivery.of(broker.consume(logs, count / 10 * 9, Duration.ofSeconds(60)));
        Delivery e = Delivery.of(broker.consume(errors, count / 10, Duration.ofSeconds(60)));
        assertEquals(count / 10, d.missing(1, count).size(), d.toString());
        assertTrue(d.missing(1, count).stream().allMatch(n -> n % 10 == 0), d.toString());
        assertEquals(List.of(), e.missing(1, count).stream().filter(n -> n % 10 == 0).toList(), e.toString());
        assertTrue(d.problems().isEmpty() && e.problems().isEmpty(), d + " " + e);
    }
}
