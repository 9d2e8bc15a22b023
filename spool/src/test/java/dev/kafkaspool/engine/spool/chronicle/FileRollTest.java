package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool file ends once it holds an eighth of the cap, long before its five minutes are over: the
 * shipper makes the next cycle's file once the writer's is half full, ends the writer's once it is
 * full, and the writer's next record goes to the file made ahead; a file the shipper has not ended
 * by twice that size the writer ends itself. Records read back in order across the files. The
 * wall clock moves only in the tests of files made ahead of a cycle's end by time.
 */
class FileRollTest {
    private static final long MAX_BYTES = 64L << 20;
    private static final long FILE_BYTES = FileRoll.fileBytesFor(MAX_BYTES);

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
    private final WriterProgress progress = new WriterProgress();
    private long written;

    @Test
    void aFileEndsOnceItHoldsAnEighthOfTheCapAndTheNextRecordGoesToTheNextFileMadeAhead() throws Exception {
        assertEquals(8L << 20, FILE_BYTES, "an eighth of the cap");
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES);
            long end = append(appender, roll);
            int first = appender.cycle();
            Path next = dir.resolve(SpoolFiles.fileNameOf(first + 1));
            while (end + NumberedRecords.BYTES < FILE_BYTES / 2) {
                end = append(appender, roll);
            }
            assertFalse(roll.rollIfFull());
            assertFalse(Files.exists(next), "no next file before this one is half full: " + end);

            while (end < FILE_BYTES / 2) {
                end = append(appender, roll);
            }
            assertFalse(roll.rollIfFull(), "not ended at half");
            assertTrue(Files.exists(next), "the next cycle's file is made once this one is half full");
            append(appender, roll);
            assertEquals(first, appender.cycle(), "the writer stays in its file, which holds " + end + " bytes");

            while (end + NumberedRecords.BYTES < FILE_BYTES) {
                end = append(appender, roll);
            }
            assertFalse(roll.rollIfFull(), "not before the file holds " + FILE_BYTES + " bytes: " + end);
            end = append(appender, roll);
            assertTrue(roll.rollIfFull(), "ended at " + end);
            assertFalse(roll.rollIfFull(), "a file is ended once");
            append(appender, roll);
            assertEquals(first + 1, appender.cycle(), "the next record goes to the next file");
            assertEquals(List.of(first, first + 1), SpoolFiles.cyclesIn(dir));
            NumberedRecords.assertReadBack(queue, written);
        }
    }

    @Test
    void theWriterEndsAFileTheShipperHasNotEndedByTwiceThatSize() {
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES);
            int first = -1;
            long end = 0;
            while (end < 2 * FILE_BYTES) {
                end = append(appender, roll);
                first = appender.cycle();
            }
            append(appender, roll);
            assertEquals(first + 1, appender.cycle(), "the record after the one that passed " + 2 * FILE_BYTES
                    + " bytes (at " + end + ") goes to the next file");
            for (int i = 0; i < 1000; i++) {
                append(appender, roll);
            }
            assertEquals(first + 1, appender.cycle(), "and the ones after it too");
            NumberedRecords.assertReadBack(queue, written);
        }
    }

    @Test
    void noFileIsMadeOrEndedEarlyOnANearlyFullFilesystem() throws Exception {
        DiskSpace nearlyFull = ReportedSpace.nearlyFull();
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, nearlyFull, MAX_BYTES);
            long end = 0;
            while (end < FILE_BYTES + NumberedRecords.BYTES) {
                end = append(appender, roll);
            }
            int cycle = appender.cycle();
            assertFalse(roll.rollIfFull(), "a new file would take room the writer's allowance does not count");
            assertEquals(List.of(cycle), SpoolFiles.cyclesIn(dir), "none made ahead either");
            while (end < 2 * FILE_BYTES + NumberedRecords.BYTES) {
                end = append(appender, roll);
            }
            append(appender, roll);
            assertEquals(cycle, appender.cycle(), "nor does the writer end it, past twice the size: " + end);
        }
    }

    /**
     * A file made ahead that the writer never wrote to: when the wall clock moves past its cycle the
     * writer goes on in a later file, and a process that stopped (or was killed) before writing
     * there goes on in it at its next start. Either way every record reads back in order, and the
     * queue's last index is the last record's.
     */
    @Test
    void aFileMadeAheadAndNeverWrittenIsPassedOverAndTakenUpAfterARestart() {
        int first;
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES);
            long end = 0;
            while (end < FILE_BYTES / 2) {
                end = append(appender, roll);
            }
            first = appender.cycle();
            assertFalse(roll.rollIfFull());
            clock.advanceMillis(3L * QueueFiles.CYCLES.lengthInMillis());
            append(appender, roll);
            assertEquals(first + 3, appender.cycle(), "the wall clock moved three cycles on");
            assertEquals(List.of(first, first + 1, first + 3), SpoolFiles.cyclesIn(dir));
            NumberedRecords.assertReadBack(queue, written);

            end = 0;
            while (end < FILE_BYTES / 2) {
                end = append(appender, roll);
            }
            assertFalse(roll.rollIfFull());
            assertEquals(List.of(first, first + 1, first + 3, first + 4), SpoolFiles.cyclesIn(dir),
                    "made ahead, and the process stops before writing there");
        }
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            assertEquals(first + 3, QueueFiles.CYCLES.toCycle(queue.lastIndex()),
                    "the last record is in the last file written, not in the one made ahead");
            NumberedRecords.assertReadBack(queue, written);
            append(appender, new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES));
            assertEquals(first + 4, appender.cycle(), "the next process goes on in the file made ahead");
            NumberedRecords.assertReadBack(queue, written);
        }
    }

    @Test
    void theNextCyclesFileIsMadeInTheLastSecondsOfTheWritersCycle() {
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES);
            append(appender, roll);
            int first = appender.cycle();
            clock.advanceMillis(leftInCycle() - FileRoll.AHEAD_OF_CYCLE_END_MILLIS - 1000);
            assertFalse(roll.rollIfFull());
            assertEquals(List.of(first), SpoolFiles.cyclesIn(dir), "not before the cycle's last seconds");
            clock.advanceMillis(2000);
            assertFalse(roll.rollIfFull(), "made, not ended");
            assertEquals(List.of(first, first + 1), SpoolFiles.cyclesIn(dir),
                    "made ahead in the last " + FileRoll.AHEAD_OF_CYCLE_END_MILLIS + " ms of the writer's cycle");
            clock.advanceMillis(FileRoll.AHEAD_OF_CYCLE_END_MILLIS);
            append(appender, roll);
            assertEquals(first + 1, appender.cycle(), "the cycle over, the next record goes to the file made ahead");
            NumberedRecords.assertReadBack(queue, written);
        }
    }

    @Test
    void aWriterIdleSinceAnEarlierCycleGetsNoFileForTheCycleAfterIt() {
        try (QueueFiles queue = QueueFiles.open(dir, MAX_BYTES, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            FileRoll roll = new FileRoll(queue, progress, ReportedSpace.roomy(), MAX_BYTES);
            append(appender, roll);
            int first = appender.cycle();
            clock.advanceMillis(leftInCycle() + 2 * QueueFiles.CYCLES.lengthInMillis() - 1000);
            assertFalse(roll.rollIfFull());
            assertEquals(List.of(first), SpoolFiles.cyclesIn(dir), "none for a cycle already over");
            append(appender, roll);
            assertEquals(first + 2, appender.cycle());
            NumberedRecords.assertReadBack(queue, written);
        }
    }

    /** The milliseconds left in the clock's cycle. */
    private long leftInCycle() {
        long length = QueueFiles.CYCLES.lengthInMillis();
        return length - clock.currentTimeMillis() % length;
    }

    /** Writes the next numbered record as the spool's writer does; returns where it ends in its file. */
    private long append(QueueFiles.Appender appender, FileRoll roll) {
        byte[] r = NumberedRecords.record(++written);
        long end = appender.append(r, r.length);
        int cycle = appender.cycle();
        progress.written(cycle, end);
        roll.writerAt(cycle, end);
        return end;
    }

}
