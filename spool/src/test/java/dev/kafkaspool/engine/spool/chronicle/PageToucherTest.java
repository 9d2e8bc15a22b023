package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper reads the pages past the spool writer's end into the page cache: the writer says
 * where its last record ends in which file, the toucher reads up to {@link PageToucher#AHEAD_BYTES}
 * past that, again once the writer has come halfway, and from the start of the next file after a
 * roll. It only reads: every record is read back as written, also with a writer appending while it
 * reads, and the file past the end holds zeros.
 */
class PageToucherTest {
    private static final int RECORD_BYTES = 450;
    private static final long AHEAD = PageToucher.AHEAD_BYTES;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));

    @Test
    void readsAheadOfTheWriterAgainOnceItCameHalfwayAndInTheNextFileAfterARoll() throws IOException {
        PageToucher toucher = new PageToucher(dir);
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            long end = append(appender, toucher, 1);
            assertArrayEquals(record(1), bytesOf(appender.cycle(), end - RECORD_BYTES, RECORD_BYTES),
                    "the file holds the record just before the position the writer gave");

            toucher.touchAhead();
            assertEquals(end + AHEAD, toucher.readUpTo(), "read ahead of the writer");

            long n = 2;
            long within = end;
            while (within < end + AHEAD / 2 - 2 * RECORD_BYTES) {
                within = append(appender, toucher, n++);
            }
            toucher.touchAhead();
            assertEquals(end + AHEAD, toucher.readUpTo(), "not again before the writer came halfway");

            long past = within;
            while (past < end + AHEAD / 2 + RECORD_BYTES) {
                past = append(appender, toucher, n++);
            }
            toucher.touchAhead();
            assertEquals(past + AHEAD, toucher.readUpTo(), "again once it did");
            assertArrayEquals(new byte[4096], bytesOf(appender.cycle(), past + 8, 4096), "zeros past the end");

            int before = appender.cycle();
            clock.advanceMillis(QueueFiles.CYCLES.lengthInMillis() + 1000);
            long inNext = append(appender, toucher, n++);
            assertTrue(appender.cycle() > before, "rolled");
            toucher.touchAhead();
            assertEquals(inNext + AHEAD, toucher.readUpTo(), "the new file, from its writer's end");

            assertRecordsReadBack(queue, n - 1);
        }
    }

    @Test
    void recordsWrittenWhileItReadsAreReadBackAsWritten() throws Exception {
        PageToucher toucher = new PageToucher(dir);
        int records = 60_000;
        try (QueueFiles queue = QueueFiles.open(dir, 64L << 20, clock::currentTimeMillis);
             QueueFiles.Appender appender = queue.appender()) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (long n = 1; n <= records; n++) {
                        append(appender, toucher, n);
                    }
                } catch (Throwable e) { // NOPMD: reported below
                    failed.set(e);
                }
            }, "test-writer");
            writer.start();
            long reads = 0;
            long last = -1;
            while (writer.isAlive()) {
                toucher.touchAhead();
                if (toucher.readUpTo() != last) {
                    last = toucher.readUpTo();
                    reads++;
                }
            }
            writer.join();
            assertEquals(null, failed.get());
            assertTrue(reads > 3, "it read ahead " + reads + " times while the writer wrote "
                    + (long) records * RECORD_BYTES / (1 << 20) + " MiB");
            assertRecordsReadBack(queue, records);
        }
    }

    private static long append(QueueFiles.Appender appender, PageToucher toucher, long n) {
        byte[] r = record(n);
        long end = appender.append(r, r.length);
        toucher.written(appender.cycle(), end);
        return end;
    }

    /** A record of {@link #RECORD_BYTES} bytes, none of them zero, that says its number. */
    private static byte[] record(long n) {
        byte[] r = new byte[RECORD_BYTES];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ('a' + (n + i) % 26);
        }
        byte[] number = Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, r, 0, number.length);
        r[number.length] = ':';
        return r;
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

    private static void assertRecordsReadBack(QueueFiles queue, long count) {
        try (QueueFiles.Cursor cursor = queue.cursor()) {
            byte[] read = new byte[RECORD_BYTES];
            for (long n = 1; n <= count; n++) {
                try (QueueFiles.Document d = cursor.next()) {
                    assertTrue(d.isPresent(), "record " + n + " is there");
                    assertEquals(RECORD_BYTES, d.size());
                    d.read(read, RECORD_BYTES);
                    assertArrayEquals(record(n), read, "record " + n + " as written");
                }
            }
            try (QueueFiles.Document d = cursor.next()) {
                assertTrue(!d.isPresent(), "nothing more");
            }
        }
    }
}
