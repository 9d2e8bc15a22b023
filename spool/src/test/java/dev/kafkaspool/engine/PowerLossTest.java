package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disk durability against a process crash and a node crash. An application (a child JVM) spools
 * 2,000 events on an ext4 filesystem while Kafka cannot be reached, and is killed with -9. The
 * filesystem as the process left it is the process crash; a copy of what the filesystem had
 * written to its device at that moment is the node that lost power (see {@link MountedFilesystem#ext4Image}).
 * With {@code syncInterval} every event survives both; with none, every event survives the
 * process crash, and the power loss takes what the kernel had not written yet.
 */
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PowerLossTest {
    private static final int EVENTS = 2_000;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "none"})
    void whatSurvivesAProcessCrashAndAPowerLoss(String syncInterval) throws Exception {
        assumeTrue(MountedFilesystem.runsAsRoot(), "skipped: mounting a loop device needs root; CI runs the build "
                + "as root, where this test runs");
        // Not under a tmpfs /tmp: the image must be on a disk filesystem.
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "power-loss-");
        try (MountedFilesystem disk = MountedFilesystem.ext4Image(dir, 64)) {
            assertNotNull(disk, "running as root, yet an ext4 image could not be made and mounted: this test "
                    + "must run where root can (CI does)");
            Path spoolDir = Files.createDirectory(disk.path().resolve("spool"));
            List<String> flags = new ArrayList<>(ChildApplication.chronicleFlags());
            flags.add("-D" + SpoolingApplication.SYNC_INTERVAL_PROPERTY + "=" + syncInterval);
            String settled;
            try (ChildApplication child = ChildApplication.start(flags, "127.0.0.1:1", spoolDir, Durability.DISK,
                    "power-loss", EVENTS, true, work.resolve("child.err"))) {
                Await.until(() -> child.lines().stream().anyMatch(l -> l.startsWith("settled ")) || !child.isAlive(),
                        Duration.ofSeconds(120), () -> "the child spools its events: " + child.lines());
                assertTrue(child.printed("spooled " + EVENTS), child.lines() + " " + Files.readString(work.resolve("child.err")));
                settled = child.lines().stream().filter(l -> l.startsWith("settled ")).findFirst().orElseThrow();
                child.kill();
            }
            List<Long> afterPowerLoss = readSpool(disk.powerLossCopy("after-power-loss").path().resolve("spool"));
            List<Long> afterProcessCrash = readSpool(spoolDir);
            System.out.println("syncInterval " + syncInterval + ": " + EVENTS + " events spooled (" + settled
                    + " syncs), after the process crash " + afterProcessCrash.size() + ", after the power loss "
                    + afterPowerLoss.size());

            assertEquals(numbers(EVENTS), afterProcessCrash, "a process crash loses nothing");
            if (syncInterval.equals("none")) {
                assertTrue(afterPowerLoss.size() < EVENTS, "without sync, a power loss right after the writes takes "
                        + "events the kernel had not written: " + afterPowerLoss.size() + " of " + EVENTS + " survived");
            } else {
                assertEquals(numbers(EVENTS), afterPowerLoss, "every synced event survives the power loss");
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** The event numbers a new process would ship from the spool in {@code dir}, in order. */
    private static List<Long> readSpool(Path dir) {
        List<Long> numbers = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return numbers;
        }
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 64L << 20)) {
            SpoolRecord r = new SpoolRecord();
            while (spool.read(r)) {
                if (r.damage == null) {
                    String value = Events.valueOf(r);
                    numbers.add(Long.parseLong(value.substring(0, value.indexOf(':'))));
                }
            }
        } catch (SpoolException e) {
            System.out.println("no event can be read from " + dir + ": " + e.getMessage());
        }
        return numbers;
    }

    private static List<Long> numbers(int count) {
        List<Long> n = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            n.add(i);
        }
        return n;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
