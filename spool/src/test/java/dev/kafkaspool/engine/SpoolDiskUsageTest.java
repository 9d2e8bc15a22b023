package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.testbroker.DiskUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A spool held at its cap by an outage takes about its cap on disk, however much is logged within
 * one roll cycle: in Kubernetes the spool volume's {@code sizeLimit} counts what its files take (as
 * {@code du} does), and a pod over it is evicted, its {@code emptyDir} deleted. Ten times the cap is
 * logged within seconds, so within one five-minute roll cycle: a spool that ended its files by time
 * alone would keep every dropped event's bytes on disk until the cycle ended.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpoolDiskUsageTest {
    private static final long MAX_BYTES = 8L << 20;
    private static final int PADDING = 1_000;
    /** About ten times the cap of events of about a kilobyte. */
    private static final int EVENTS = 80_000;
    private static final int BETWEEN_LOOKS = 2_000;

    @TempDir
    Path spoolDir;

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aSpoolHeldAtItsCapTakesAboutItsCapOnDisk(Durability durability) {
        SpoolConfig config = TestConfigs.config("127.0.0.1:9", spoolDir, durability)
                .set(EngineSettings.MAX_BYTES, MAX_BYTES)
                .set(EngineSettings.FULL_POLICY, FullPolicy.DROP_OLDEST)
                .set(EngineSettings.BLOCK_TIMEOUT, Duration.ofMillis(5))
                .build();
        SpoolEngine engine = TestConfigs.startWithoutKafka(config, new RecordingStatus());
        TestEvents events = new TestEvents(engine, "disk-usage", PADDING);
        long most = 0;
        for (int from = 1; from <= EVENTS; from += BETWEEN_LOOKS) {
            events.submitRange(from, from + BETWEEN_LOOKS - 1);
            most = Math.max(most, DiskUsage.of(spoolDir));
        }
        engine.stop(Duration.ofSeconds(5));
        most = Math.max(most, DiskUsage.of(spoolDir));

        EngineStats stats = engine.stats();
        assertEquals(EVENTS, stats.spoolEvents() + stats.droppedTotal(),
                "every event is in the spool or counted as dropped: " + stats);
        assertTrue(stats.dropped(DropReason.SPOOL_FULL) > EVENTS / 2, "the cap held: " + stats);
        assertTrue(stats.spoolBytes() <= MAX_BYTES, stats.toString());
        long bound = ChronicleSpool.mostOnDisk(MAX_BYTES);
        System.out.printf("[disk usage] %s durability: %,d events logged, %,d in the spool, dropped %s; the spool's files "
                + "took at most %.1f MiB on disk, %.1f MiB allowed for a cap of %.0f MiB%n", durability, EVENTS,
                stats.spoolEvents(), stats.droppedByReason(), most / 1048576.0, bound / 1048576.0, MAX_BYTES / 1048576.0);
        assertTrue(bound < 3 * MAX_BYTES, "the bound itself is about the cap: " + bound);
        assertTrue(most <= bound, "the spool's files took " + most + " bytes on disk at most, against "
                + bound + " for a cap of " + MAX_BYTES + " (" + EVENTS + " events of about " + PADDING + " bytes logged)");
    }
}
