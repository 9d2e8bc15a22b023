package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A spool on a filesystem that fills up: shipping goes on without the disk, events wait in memory
 * behind the disk records while Kafka is down, the disk takes writes again once space returns, and
 * the spool's files are left readable. Needs a real small filesystem (a tmpfs, so root): skipped
 * with a message when not root, failed when root cannot mount; CI runs the build as root.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SmallFilesystemTest {
    private static final int PADDING = 1_000;
    private static MountedFilesystem filesystem;

    private final KafkaBroker broker;

    SmallFilesystemTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @BeforeAll
    static void mountSmallFilesystem() throws Exception {
        assumeTrue(MountedFilesystem.runsAsRoot(), "skipped: mounting an 8 MiB tmpfs needs root; CI runs the build "
                + "as root, where this test runs");
        filesystem = MountedFilesystem.tmpfs(8);
        assertNotNull(filesystem, "running as root, yet an 8 MiB tmpfs could not be mounted: this test must run "
                + "where root can mount (CI does)");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (filesystem != null) {
            filesystem.close();
        }
    }

    @Test
    void aFullFilesystemStopsNeitherShippingNorLoggingAndNothingIsLost() throws Exception {
        String topic = "small-filesystem";
        broker.createTopic(topic, 1);
        Path filler = filesystem.path().resolve("filler");
        Files.write(filler, new byte[4 << 20]);
        Path spoolDir = filesystem.path().resolve("spool");
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK)
                .set(EngineSettings.MAX_BYTES, 64L << 20)
                .build();
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = TestConfigs.start(config, status);
        try {
            TestEvents events = new TestEvents(engine, topic, PADDING);

            // Broker up: about 11 MB of events into a spool with 4 MiB of room.
            assertEquals(10_000, events.submitRange(1, 10_000));
            EngineAwait.shipped(engine, 10_000);
            assertTrue(status.anyContains("WARN", "no room on the filesystem"), status.messages().toString());
            assertTrue(filesystem.usableBytes() >= DiskSpace.RESERVE_BYTES / 2,
                    "the spool left the reserve free: " + filesystem.usableBytes() + " bytes usable");

            // Broker down: new events wait in memory, behind what is on disk.
            broker.kill();
            assertEquals(1_000, events.submitRange(10_001, 11_000));

            // Space returns: a write, once the shipper is not sending memory records and the retry
            // interval has passed, moves them to disk; new events follow them there.
            Files.delete(filler);
            AtomicLong last = new AtomicLong(11_000);
            Await.until(() -> {
                events.submit(last.incrementAndGet());
                return status.anyContains("INFO", "the disk spool takes writes again");
            }, Duration.ofSeconds(60), () -> "the disk spool takes writes again, status " + status.messages());
            int total = (int) last.get();

            broker.restart();
            EngineAwait.shipped(engine, total);
            Delivery d = Delivery.of(broker.consume(topic, total, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, total), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            assertEquals(0, engine.stats().droppedTotal(), engine.stats().toString());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }

        // The files are intact: a new engine opens them on disk at once, with nothing left to ship.
        RecordingStatus next = new RecordingStatus();
        try (SpoolEngine reopened = TestConfigs.start(config, next)) {
            EngineStats stats = reopened.stats();
            assertTrue(stats.diskSpool(), next.messages().toString());
            assertEquals(0, stats.spoolEvents(), stats.toString());
            assertFalse(next.anyContains("WARN", ""), next.messages().toString());
        }
    }
}
