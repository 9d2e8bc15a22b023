package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with -9 loses nothing that reached the spool; a new process ships it. */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ApplicationKilledTest {
    private final KafkaBroker broker;

    @TempDir
    Path work;

    ApplicationKilledTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void spooledEventsOfAKilledProcessAreShippedByTheNextOne() throws Exception {
        String topic = "killed-app-memory";
        broker.createTopic(topic, 2);
        broker.stop();
        Path spoolDir = work.resolve("spool");
        try (ChildApplication child = ChildApplication.start(ChildApplication.chronicleFlags(),
                broker.bootstrapServers(), spoolDir, Durability.MEMORY, topic, 5_000, true, work.resolve("child.err"))) {
            Await.until(() -> child.printed("spooled 5000") || !child.isAlive(), Duration.ofSeconds(120),
                    () -> "the child spooled all events: " + child.lines() + " " + stderr());
            assertTrue(child.isAlive(), "the child is still running: " + stderr());
            child.kill();
        }

        broker.restart();
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine next = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY).build(), status)) {
            assertTrue(status.anyContains("INFO", "5000 event(s)"), status.messages().toString());
            EngineAwait.shipped(next, 5_000);
            Delivery d = Delivery.of(broker.consume(topic, 5_000, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, 5_000), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            assertEquals(0, next.stats().spoolEvents());
        }
    }

    @Test
    void withDiskDurabilityEveryEventWhoseLogCallReturnedSurvivesAKill() throws Exception {
        String topic = "killed-app-disk";
        broker.createTopic(topic, 2);
        broker.stop();
        Path spoolDir = work.resolve("spool");
        long lastTaken;
        try (ChildApplication child = ChildApplication.start(ChildApplication.chronicleFlags(),
                broker.bootstrapServers(), spoolDir, Durability.DISK, topic, 0, false, work.resolve("child.err"))) {
            Await.until(() -> child.lastTaken() >= 3_000 || !child.isAlive(), Duration.ofSeconds(120),
                    () -> "the child logs: " + stderr());
            assertTrue(child.isAlive(), "the child is still running: " + stderr());
            // Killed mid-stream, while it is still logging.
            child.kill();
            lastTaken = child.lastTaken();
        }
        assertFalse(lastTaken < 3_000);

        broker.restart();
        try (SpoolEngine next = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK).build(), new RecordingStatus())) {
            EngineAwait.shipped(next, lastTaken);
            Delivery d = Delivery.of(broker.consume(topic, (int) lastTaken, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, lastTaken), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        }
    }

    @Test
    void withoutChronicleFlagsTheEngineSaysWhichToAddAndKeepsShippingFromMemory() throws Exception {
        String topic = "no-flags";
        broker.createTopic(topic, 1);
        Path stderr = work.resolve("child.err");
        try (ChildApplication child = ChildApplication.start(List.of(), broker.bootstrapServers(),
                work.resolve("spool"), Durability.MEMORY, topic, 100, false, stderr)) {
            Await.until(() -> child.printed("diskSpool false") || child.printed("diskSpool true") || !child.isAlive(),
                    Duration.ofSeconds(60), () -> "the child started: " + child.lines());
            assertTrue(child.printed("diskSpool false"), child.lines().toString());
            Delivery d = Delivery.of(broker.consume(topic, 100, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, 100), d.toString());
        }
        String errors = Files.readString(stderr);
        assertTrue(errors.contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"), errors);
    }

    private String stderr() {
        try {
            return Files.readString(work.resolve("child.err"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
