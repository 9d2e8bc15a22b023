package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.testbroker.Await;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application processes configured with the same spool directory: the second is told the
 * directory is in use and ships through a memory spool; the first keeps its disk spool and ships
 * as if alone. Every event of both arrives.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TwoProcessesTest {
    private static final int EACH = 2_000;
    private static final Duration BOUND = Duration.ofSeconds(90);

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    TwoProcessesTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void theSecondProcessOnASpoolDirectoryIsToldAndRunsOnInMemoryTheFirstIsNotDisturbed() throws Exception {
        String topic = "two-processes";
        broker.createTopic(topic, 1);
        Path spoolDir = dir.resolve("spool");
        Path firstErr = dir.resolve("first.err");
        Path secondErr = dir.resolve("second.err");
        try (ChildApplication first = ChildApplication.start(ChildApplication.chronicleFlags(),
                broker.bootstrapServers(), spoolDir, Durability.DISK, topic, EACH, false, 1, firstErr)) {
            Await.until(() -> first.lastTaken() == EACH || !first.isAlive(), BOUND,
                    () -> "the first logs: " + first.lines());
            assertTrue(first.printed("diskSpool true"), first.lines() + " " + ChildApplication.read(firstErr));

            try (ChildApplication second = ChildApplication.start(ChildApplication.chronicleFlags(),
                    broker.bootstrapServers(), spoolDir, Durability.DISK, topic, EACH, false, EACH + 1, secondErr)) {
                Await.until(() -> second.lastTaken() == 2 * EACH || !second.isAlive(), BOUND,
                        () -> "the second logs: " + second.lines());
                assertTrue(second.printed("diskSpool false"), second.lines() + " " + ChildApplication.read(secondErr));
                assertTrue(ChildApplication.read(secondErr).contains("spool directory " + spoolDir.toAbsolutePath()
                        + " is in use by another appender or process"), ChildApplication.read(secondErr));
                assertTrue(ChildApplication.read(secondErr).contains("kept in memory instead"), ChildApplication.read(secondErr));
                assertTrue(first.isAlive(), "the first runs on");
                assertEquals(0, second.stop(), "the second stops cleanly: " + ChildApplication.read(secondErr));
            }
            assertTrue(first.isAlive(), "the first runs on after the second stopped");
            assertEquals(0, first.stop(), "the first stops cleanly: " + ChildApplication.read(firstErr));
        }
        Delivery d = Delivery.of(broker.consume(topic, 2 * EACH, BOUND));
        System.out.println("TwoProcessesTest: " + d);
        assertEquals(List.of(), d.missing(1, 2 * EACH), d + "\nthe first said: " + ChildApplication.read(firstErr)
                + "\nthe second said: " + ChildApplication.read(secondErr));
        assertEquals(2 * EACH, d.numbers().size(), d.toString());
        assertTrue(d.problems().isEmpty(), d.toString());
        // The engine's own warnings; the JVM's (Java 25 warns about native access) are not the engine's.
        assertFalse(ChildApplication.read(firstErr).contains("kafka-spool WARN"), "the first had nothing to warn about: "
                + ChildApplication.read(firstErr));
        try (SpoolInspection inspection = SpoolInspection.open(spoolDir)) {
            assertTrue(inspection.verify().clean(), "the first's spool is intact");
            assertEquals(0, inspection.summary().pendingEvents(), "and shipped");
        }
    }
}
