package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper touches the pages past the spool writer's end for writing: the writer says where its
 * last record ends in which file, the toucher touches up to {@link PageToucher#AHEAD_BYTES} past
 * that, again once the writer has come halfway, and from the writer's end in the next file after a
 * roll. The writer then takes no page fault on those pages. It changes no byte: every record is
 * read back as written, also with a writer appending while it touches, and the file past the end
 * holds zeros.
 */
class PageToucherTest {
    private static final int RECORD_BYTES = NumberedRecords.BYTES;
    private static final long AHEAD = PageToucher.AHEAD_BYTES;
    /** Files that end by time alone. */
    private static final long NO_EARLY_END = Long.MAX_VALUE;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));

    @Test
    void touchesAheadOfTheWriterAgainOnceItCameHalfwayAndInTheNextFileAfterARoll() throws IOException {
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            WriterProgress progress = new WriterProgress();
            PageToucher toucher = new PageToucher(queue, ReportedSpace.roomy(), progress, NO_EARLY_END);
            long end = append(appender, progress, 1);
            assertArrayEquals(NumberedRecords.record(1), bytesOf(appender.cycle(), end - RECORD_BYTES, RECORD_BYTES),
                    "the file holds the record just before the position the writer gave");

            toucher.touchAhead();
            assertEquals(end + AHEAD, toucher.touchedUpTo(), "touched ahead of the writer");

            long n = 2;
            long within = end;
            while (within < end + AHEAD / 2 - 2 * RECORD_BYTES) {
                within = append(appender, progress, n++);
            }
            toucher.touchAhead();
            assertEquals(end + AHEAD, toucher.touchedUpTo(), "not again before the writer came halfway");

            long past = within;
            while (past < end + AHEAD / 2 + RECORD_BYTES) {
                past = append(appender, progress, n++);
            }
            toucher.touchAhead();
            assertEquals(past + AHEAD, toucher.touchedUpTo(), "again once it did");
            assertArrayEquals(new byte[4096], bytesOf(appender.cycle(), past + 8, 4096), "zeros past the end");

            int before = appender.cycle();
            clock.advanceMillis(QueueFiles.CYCLES.lengthInMillis() + 1000);
            long inNext = append(appender, progress, n++);
            assertTrue(appender.cycle() > before, "rolled");
            toucher.touchAhead();
            assertEquals(inNext + AHEAD, toucher.touchedUpTo(), "the new file, from its writer's end");

            NumberedRecords.assertReadBack(queue, n - 1);
        }
    }

    @Test
    void recordsWrittenWhileItTouchesAreReadBackAsWritten() throws Exception {
        int records = 60_000;
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            WriterProgress progress = new WriterProgress();
            PageToucher toucher = new PageToucher(queue, ReportedSpace.roomy(), progress, NO_EARLY_END);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (long n = 1; n <= records; n++) {
                        append(appender, progress, n);
                    }
                } catch (Throwable e) { // NOPMD: reported below
                    failed.set(e);
                }
            }, "test-writer");
            writer.start();
            long touches = 0;
            long last = -1;
            while (writer.isAlive()) {
                toucher.touchAhead();
                if (toucher.touchedUpTo() != last) {
                    last = toucher.touchedUpTo();
                    touches++;
                }
            }
            writer.join();
            assertNull(failed.get());
            assertTrue(touches > 3, "it touched ahead " + touches + " times while the writer wrote "
                    + (long) records * RECORD_BYTES / (1 << 20) + " MiB");
            NumberedRecords.assertReadBack(queue, records);
        }
    }

    /**
     * The writing thread's own page faults (Linux counts them per thread) while it writes 2 MiB of
     * records: one per page when the pages were not touched, next to none when they were.
     */
    @Test
    void theWriterTakesNoPageFaultOnThePagesTouchedAhead() throws IOException {
        Path stat = Path.of("/proc/thread-self/stat");
        assumeTrue(Files.isReadable(stat), "the thread's page faults are counted where Linux counts them");
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            WriterProgress progress = new WriterProgress();
            PageToucher toucher = new PageToucher(queue, ReportedSpace.roomy(), progress, NO_EARLY_END);
            byte[] r = NumberedRecords.record(1);
            long end = append(appender, progress, 1);
            long twoMiB = 2L << 20;

            long untouched = faultsWhileWriting(stat, appender, progress, r, end + twoMiB);
            end = append(appender, progress, 2);
            toucher.touchAhead();
            long touchedFrom = toucher.touchedUpTo() - PageToucher.AHEAD_BYTES + PageToucher.GAP_BYTES;
            writeUpTo(appender, progress, r, touchedFrom);
            long touched = faultsWhileWriting(stat, appender, progress, r, touchedFrom + twoMiB);

            assertTrue(untouched >= twoMiB / QueueFiles.PAGE_BYTES / 2,
                    "untouched, the writer faulted " + untouched + " times on 512 pages");
            assertTrue(touched <= untouched / 10, "touched ahead, the writer faulted " + touched
                    + " times, untouched " + untouched);
        }
    }

    /** On a filesystem with less than {@link DiskSpace#AHEAD_FLOOR_BYTES} usable, nothing is touched. */
    @Test
    void touchesNothingOnANearlyFullFilesystem() {
        DiskSpace nearlyFull = ReportedSpace.nearlyFull();
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            WriterProgress progress = new WriterProgress();
            PageToucher toucher = new PageToucher(queue, nearlyFull, progress, NO_EARLY_END);
            long end = append(appender, progress, 1);
            toucher.touchAhead();
            assertEquals(end, toucher.touchedUpTo(), "nothing touched past the writer's end");
        }
    }

    /** Nothing past where {@link FileRoll} ends the file: those pages would take room in a file left behind. */
    @Test
    void touchesNothingPastWhereTheFileEnds() {
        long fileEnd = 1L << 20;
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            WriterProgress progress = new WriterProgress();
            PageToucher toucher = new PageToucher(queue, ReportedSpace.roomy(), progress, fileEnd);
            long n = 1;
            long end = append(appender, progress, n++);
            toucher.touchAhead();
            assertEquals(fileEnd, toucher.touchedUpTo(), "touched up to where the file ends, short of " + AHEAD
                    + " past the writer's end at " + end);
            while (end < fileEnd + RECORD_BYTES) {
                end = append(appender, progress, n++);
            }
            toucher.touchAhead();
            assertEquals(fileEnd, toucher.touchedUpTo(), "nothing past it once the writer passed it");
        }
    }

    private static long faultsWhileWriting(Path stat, QueueFiles.Appender appender, WriterProgress progress, byte[] r,
            long upTo) throws IOException {
        long before = minorFaults(stat);
        writeUpTo(appender, progress, r, upTo);
        return minorFaults(stat) - before;
    }

    /** Writes {@code r} again and again until the writer's end reaches {@code upTo}; allocates nothing. */
    private static void writeUpTo(QueueFiles.Appender appender, WriterProgress progress, byte[] r, long upTo) {
        long end = 0;
        while (end < upTo) {
            end = appender.append(r, r.length);
            progress.written(appender.cycle(), end);
        }
    }

    /** The calling thread's minor page faults: the tenth field of its stat line. */
    private static long minorFaults(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }

    private static long append(QueueFiles.Appender appender, WriterProgress progress, long n) {
        byte[] r = NumberedRecords.record(n);
        long end = appender.append(r, r.length);
        progress.written(appender.cycle(), end);
        return end;
    }

    private byte[] bytesOf(int cycle, long position, int length) throws IOException {
        try (FileChannel file = FileChannel.open(dir.resolve(SpoolFiles.fileNameOf(cycle)), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining() && file.read(b, position + b.position()) > 0) {
                // read on
            }
            return b.array();
        }
    }
}
