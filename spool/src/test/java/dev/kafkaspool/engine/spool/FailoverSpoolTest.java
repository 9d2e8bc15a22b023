package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk spool with memory behind it: the contract holds, and while the filesystem has no room
 * records wait in memory behind the disk records, in order, until the disk takes writes again.
 */
class FailoverSpoolTest extends SpoolContractTest {
    private static final long PLENTY = 1L << 40;

    @TempDir
    Path dir;

    private final AtomicLong usable = new AtomicLong(PLENTY);
    private final ManualTicker ticker = new ManualTicker();
    private final RecordingStatus status = new RecordingStatus();

    @Override
    protected Spool open() {
        ProblemReporter problems = new ProblemReporter("test", status, new EngineCounters(), ticker);
        return new FailoverSpool(ChronicleSpool.open(dir, 16L << 20, null, DiskSpace.reportedBy(usable::get)),
                1L << 20, problems, ticker);
    }

    @Test
    void whileTheDiskIsFullRecordsWaitInMemoryBehindTheDiskRecords() {
        spool.append(1L, Events.event(1, "on disk"));
        usable.set(DiskSpace.RESERVE_BYTES);
        spool.append(1L, Events.event(2, "in memory"));
        spool.append(1L, Events.event(3, "in memory"));
        assertTrue(status.anyContains("WARN", "no room on the filesystem"), status.messages().toString());
        assertEquals(3, spool.pendingEvents());

        assertEquals(List.of(1L, 2L, 3L), readSequences());
    }

    @Test
    void aBatchReadGoesOnFromTheDiskRecordsToTheMemoryRecordsBehindThem() {
        spool.append(1L, Events.event(1, "on disk"));
        spool.append(1L, Events.event(2, "on disk"));
        usable.set(DiskSpace.RESERVE_BYTES);
        spool.append(1L, Events.event(3, "in memory"));
        SpoolRecord[] batch = newBatch(8);
        assertEquals(3, spool.read(batch));
        assertEquals(List.of(1L, 2L, 3L), List.of(batch[0].sequence, batch[1].sequence, batch[2].sequence));

        spool.commit(batch[2].position);
        assertEquals(0, spool.pendingEvents(), "the memory record's commit commits the disk records before it");
    }

    @Test
    void theDiskIsUsedAgainOnceTheMemoryRecordsAreShippedAndSpaceReturned() {
        usable.set(0);
        spool.append(1L, Events.event(1, "in memory"));
        usable.set(PLENTY);
        ticker.advance(2, TimeUnit.SECONDS);
        spool.append(1L, Events.event(2, "in memory, behind the first"));

        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r));
        assertTrue(spool.read(r));
        spool.commit(r.position);
        assertEquals(0, spool.pendingEvents());

        spool.append(1L, Events.event(3, "on disk again"));
        assertTrue(status.anyContains("INFO", "takes writes again"), status.messages().toString());
        assertEquals(List.of(3L), readSequences());
        assertEquals(0, spool.persist(), "the disk holds everything");
    }

    @Test
    void whenSpaceReturnsTheMemoryRecordsMoveToDiskAndNewOnesFollowThem() {
        usable.set(0);
        spool.append(1L, Events.event(1, "in memory"));
        spool.append(1L, Events.event(2, "in memory"));
        usable.set(PLENTY);
        spool.append(1L, Events.event(3, "too early to try the disk again"));
        ticker.advance(2, TimeUnit.SECONDS);
        spool.append(1L, Events.event(4, "on disk, after the moved ones"));
        assertEquals(4, spool.pendingEvents());
        assertEquals(0, spool.persist(), "all four are on disk");
        assertEquals(List.of(1L, 2L, 3L, 4L), readSequences());
    }

    @Test
    void memoryRecordsBeingSentAreNotMoved() {
        usable.set(0);
        spool.append(1L, Events.event(1, "in memory"));
        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r), "the shipper sends it");
        usable.set(PLENTY);
        ticker.advance(2, TimeUnit.SECONDS);
        spool.append(1L, Events.event(2, "stays behind it in memory"));
        spool.commit(r.position);
        assertEquals(List.of(2L), readSequences());
    }

    @Test
    void committingAMemoryRecordCommitsTheDiskRecordsReadBeforeIt() {
        spool.append(1L, Events.event(1, "on disk"));
        usable.set(0);
        spool.append(1L, Events.event(2, "in memory"));
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.read(r);
        spool.commit(r.position);
        assertEquals(0, spool.pendingEvents());
        spool.rewind();
        assertFalse(spool.read(r), "nothing is read twice after a commit");
    }

    @Test
    void memoryRecordsMoveToDiskAtStopWhenTheDiskTakesThem() {
        usable.set(0);
        spool.append(1L, Events.event(1, "a"));
        spool.append(1L, Events.event(2, "b"));
        assertEquals(2, spool.persist(), "the disk is still full: both would be lost");

        usable.set(PLENTY);
        assertEquals(0, spool.persist());
        spool.close();
        usable.set(PLENTY);
        spool = open();
        assertEquals(List.of(1L, 2L), readSequences(), "a new process finds them on disk, in order");
    }

    @Test
    void theMemoryBehindTheDiskIsBounded() {
        usable.set(0);
        byte[] big = new byte[300_000];
        EncodedEvent e = Events.event(1, "").value(big, big.length);
        spool.append(1L, e);
        spool.append(1L, e);
        spool.append(1L, e);
        SpoolException full = assertThrows(SpoolException.class, () -> spool.append(1L, e));
        assertTrue(full.getMessage().contains("no room on the filesystem"), full.getMessage());
        assertTrue(full.getMessage().contains("kept in memory instead are full"), full.getMessage());
    }

    private List<Long> readSequences() {
        List<Long> out = new ArrayList<>();
        SpoolRecord r = new SpoolRecord();
        while (spool.read(r)) {
            out.add(r.sequence);
        }
        return out;
    }
}
