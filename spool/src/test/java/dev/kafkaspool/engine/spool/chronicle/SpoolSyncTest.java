package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the spool writes reaches the disk within {@code syncInterval}, and without it stays only in
 * the page cache, where a power loss takes it. Seen in the kernel's own account of the spool
 * file's mapping in this process ({@code /proc/self/smaps}): its written pages are dirty (not on
 * the disk yet) until a sync, and clean after one.
 */
class SpoolSyncTest {
    private Path dir;
    private final ManualTicker ticker = new ManualTicker();
    private final EngineCounters counters = new EngineCounters();

    @BeforeEach
    void onADiskFilesystem() throws IOException {
        // Not a tmpfs (some systems' /tmp): its pages live in memory only and never become clean.
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spool-sync-").toRealPath();
        assertNotEquals("tmpfs", Files.getFileStore(dir).type(), "the test needs a disk filesystem under target/");
    }

    @AfterEach
    void deleteSpool() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aSyncLeavesNoDirtyPageOfTheSpoolFileAndComesOnlyOnceTheIntervalHasPassed() throws IOException {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20)) {
            spool.syncWith(new SpoolSync(Duration.ofMillis(500), ticker, counters, reporter()));
            appendKibibytes(spool, 256);
            long written = dirtyKib();
            assertTrue(written > 0, "the appended records are in dirty pages: " + written + " KiB");

            ticker.advance(499, TimeUnit.MILLISECONDS);
            spool.maintain();
            assertEquals(0, counters.spoolSyncs(), "no sync before the interval");
            long beforeTheInterval = dirtyKib();
            assertTrue(beforeTheInterval > 0, "still dirty: " + beforeTheInterval + " KiB");

            ticker.advance(1, TimeUnit.MILLISECONDS);
            spool.maintain();
            assertEquals(1, counters.spoolSyncs(), "one sync once the interval passed");
            long afterSync = dirtyKib();
            System.out.println("sync every 500ms: dirty pages of the spool file after 256 KiB of records "
                    + written + " KiB, 1 ms before the interval " + beforeTheInterval + " KiB, after the sync "
                    + afterSync + " KiB");
            assertEquals(0, afterSync, "every written page is on the disk");

            ticker.advance(10, TimeUnit.SECONDS);
            spool.maintain();
            assertEquals(1, counters.spoolSyncs(), "nothing written, no sync");
        }
    }

    @Test
    void withoutSyncTheWrittenPagesStayDirtyLongerThanTheInterval() throws Exception {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20)) {
            spool.syncWith(new SpoolSync(Duration.ZERO, ticker, counters, reporter()));
            appendKibibytes(spool, 256);
            long written = dirtyKib();
            ticker.advance(10, TimeUnit.SECONDS);
            spool.maintain();
            // Real time too: twice the default interval, well inside the kernel's own 30 s.
            Thread.sleep(1000);
            long later = dirtyKib();
            System.out.println("no sync: dirty pages of the spool file after 256 KiB of records " + written
                    + " KiB, one second later " + later + " KiB");
            assertEquals(0, counters.spoolSyncs());
            assertTrue(later > 0, "the records are not on the disk yet: " + later + " KiB dirty");
        }
    }

    @Test
    void theEngineSyncsItsSpoolOnItsOwn() throws Exception {
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, Durability.DISK)
                .parse(EngineSettings.SYNC_INTERVAL, "100ms").build();
        SpoolEngine engine = TestConfigs.start(config, new RecordingStatus());
        try {
            int taken = new TestEvents(engine, "synced", 1000).submitRange(1, 256);
            assertEquals(256, taken);
            Await.until(() -> engine.stats().spoolSyncs() > 0 && dirtyKibOrMinusOne() == 0, Duration.ofSeconds(20),
                    () -> "a sync by the engine, stats " + engine.stats() + ", dirty " + dirtyKibOrMinusOne() + " KiB");
            System.out.println("engine, sync every 100ms: " + engine.stats());
        } finally {
            engine.stop(Duration.ofSeconds(5));
        }
    }

    private static ProblemReporter reporter() {
        return new ProblemReporter("test", new RecordingStatus(), new EngineCounters(), Ticker.SYSTEM);
    }

    private static void appendKibibytes(ChronicleSpool spool, int kibibytes) {
        for (int i = 1; i <= kibibytes; i++) {
            spool.append(1L, Events.event(i, "x".repeat(1000)));
        }
    }

    private long dirtyKibOrMinusOne() {
        try {
            return dirtyKib();
        } catch (IOException | AssertionError e) {
            return -1;
        }
    }

    /** The dirty pages, in KiB, of this process's mappings of the spool's spool file. */
    private long dirtyKib() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".cq4")).collect(Collectors.toList());
        }
        assertEquals(1, files.size(), "one spool file: " + files);
        String file = files.get(0).toRealPath().toString();
        long kib = 0;
        boolean inFile = false;
        boolean mapped = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inFile = line.endsWith(" " + file);
                mapped |= inFile;
            } else if (inFile && (line.startsWith("Shared_Dirty:") || line.startsWith("Private_Dirty:"))) {
                kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        assertTrue(mapped, file + " is mapped");
        return kib;
    }
}
