package dev.kafkaspool.engine.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk spool as the engine uses it (a failover spool over a Chronicle spool) with a logging
 * thread appending, and dropping the oldest record now and then as a full spool does, while the
 * shipper's thread reads in batches, commits, and rewinds now and then: every record is read in
 * order, committed once or dropped (none both), the counts come back to zero, and the reopened
 * spool is whole. Appends and reads take different locks, so they do run at once. A second case
 * makes the disk refuse writes now and then, so that records go to memory behind the disk records
 * and move back to disk while the shipper reads, and rolls the disk's files.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpoolConcurrencyTest {
    private static final int EVENTS = 200_000;
    private static final int DROP_EVERY = 997;
    private static final int REWIND_EVERY = 64;

    /** The disk refuses writes for this many events of every {@link #DISK_CYCLE}. */
    private static final int DISK_FULL_FOR = 1_000;
    private static final int DISK_CYCLE = 7_000;
    private static final long PLENTY = 1L << 40;
    private static final int ROLL_EVERY = 20_000;
    private static final long MEMORY_ROOM = 256L << 20;

    @TempDir
    Path dir;

    private final ManualTicker ticker = new ManualTicker();
    private final RecordingStatus status = new RecordingStatus();
    private final AtomicLong usable = new AtomicLong(PLENTY);

    @Test
    void appendsDropsReadsCommitsAndRewindsAtOnceKeepOrderAndCounts() throws Exception {
        run(ChronicleSpool.open(dir, 1L << 30), n -> { });
        assertTrue(!status.anyContains("WARN", ""), status.messages().toString());
    }

    @Test
    void recordsKeptInMemoryWhileTheDiskRefusesWritesAndFilesRollingKeepOrderAndCounts() throws Exception {
        AtomicLong wallClock = new AtomicLong(System.currentTimeMillis());
        run(ChronicleSpool.open(dir, 1L << 30, wallClock::get, DiskSpace.reportedBy(usable::get)), n -> {
            ticker.advance(10, TimeUnit.MILLISECONDS); // the disk is tried again every 100 events
            usable.set(n % DISK_CYCLE < DISK_FULL_FOR ? DiskSpace.RESERVE_BYTES : PLENTY);
            if (n % ROLL_EVERY == 0) { // a new file, while the shipper's commits delete the old ones
                wallClock.addAndGet(ChronicleSpool.ROLL_CYCLE.lengthInMillis());
            }
        });
        assertTrue(status.anyContains("WARN", "no room on the filesystem"), status.messages().toString());
        assertTrue(status.anyContains("INFO", "takes writes again"), status.messages().toString());
        try (Stream<Path> files = Files.list(dir)) {
            long cycles = files.filter(f -> f.toString().endsWith(".cq4")).count();
            assertTrue(cycles <= 2, EVENTS / ROLL_EVERY + " rolls; the shipped files are deleted, " + cycles + " left");
        }
    }

    private void run(ChronicleSpool disk, IntConsumer beforeEachAppend) throws Exception {
        ProblemReporter problems = new ProblemReporter("test", status, new EngineCounters(), ticker);
        // Memory room for every event: a slow reader keeps memory records in flight, which holds
        // them in memory (they move to disk only when none is), and this test is not about the cap.
        Spool spool = new FailoverSpool(disk, MEMORY_ROOM, problems, ticker);
        AtomicLong dropped = new AtomicLong();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int n = 1; n <= EVENTS; n++) {
                    beforeEachAppend.accept(n);
                    spool.append(1L, Events.event(n, n + ": concurrent"));
                    if (n % DROP_EVERY == 0 && spool.dropOldest() > 0) {
                        dropped.incrementAndGet();
                    }
                }
            } catch (Throwable t) { // NOPMD: reported by the test's thread
                writerFailure.set(t);
            }
        }, "test-writer");
        writer.start();

        SpoolRecord[] batch = SpoolContractTest.newBatch(32);
        long lastCommitted = 0;
        long committed = 0;
        long batches = 0;
        boolean writerDone = false;
        while (true) {
            int n = spool.read(batch);
            if (n == 0) {
                if (writerDone) {
                    break; // read to the end after the writer ended: everything appended was read
                }
                writerDone = !writer.isAlive();
                Thread.onSpinWait();
                continue;
            }
            long previous = lastCommitted;
            for (int i = 0; i < n; i++) {
                assertTrue(batch[i].sequence > previous, "event " + batch[i].sequence + " after " + previous);
                previous = batch[i].sequence;
            }
            if (++batches % REWIND_EVERY == 0) {
                spool.rewind(); // not committed: read again from the record after the last committed
                continue;
            }
            spool.commit(batch[n - 1].position);
            committed += n;
            lastCommitted = batch[n - 1].sequence;
        }
        writer.join();
        assertNull(writerFailure.get());
        assertEquals(EVENTS, committed + dropped.get(), "each event committed once or dropped: committed "
                + committed + ", dropped " + dropped.get());
        assertEquals(EVENTS, lastCommitted, "the last event was read last");
        assertEquals(0, spool.pendingEvents());
        assertEquals(0, spool.pendingBytes());
        spool.close();

        try (ChronicleSpool reopened = ChronicleSpool.open(dir, 1L << 30)) {
            assertEquals(0, reopened.pendingEvents(), "nothing left to ship");
            assertNull(reopened.openingDamage(), "the ledger's count agrees with what the spool holds");
        }
    }
}
