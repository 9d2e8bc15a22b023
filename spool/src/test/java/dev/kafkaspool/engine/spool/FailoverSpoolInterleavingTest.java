package dev.kafkaspool.engine.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends do not wait for reads in the failover spool (they take another lock), so a logging
 * thread can append between the shipper's read of the disk and its read of memory. The test puts
 * appends exactly there, from inside the disk's read: a record written to disk and then one kept
 * in memory behind it (the disk refused it) are read in that order.
 */
class FailoverSpoolInterleavingTest {
    private static final long PLENTY = 1L << 40;

    @TempDir
    Path dir;

    private final AtomicLong usable = new AtomicLong(PLENTY);
    private final ManualTicker ticker = new ManualTicker();
    private final RecordingStatus status = new RecordingStatus();
    private Runnable onEmptyDiskRead = () -> { };

    @Test
    void aRecordWrittenToDiskAfterTheReaderFoundTheDiskEmptyIsReadBeforeTheMemoryRecordBehindIt() {
        ProblemReporter problems = new ProblemReporter("test", status, new EngineCounters(), ticker);
        ChronicleSpool chronicle = ChronicleSpool.open(dir, 16L << 20, null, DiskSpace.reportedBy(usable::get));
        FailoverSpool spool = new FailoverSpool(new DiskInterleaving(chronicle), 1L << 20, problems, ticker);
        onEmptyDiskRead = () -> {
            onEmptyDiskRead = () -> { };
            spool.append(1L, Events.event(1, "on disk")); // a logging thread, between the two reads
            usable.set(DiskSpace.RESERVE_BYTES);
            spool.append(1L, Events.event(2, "in memory, behind it"));
        };
        SpoolRecord record = new SpoolRecord();
        if (!spool.read(record)) { // the spool was empty when the read began: the next one reads
            assertTrue(spool.read(record));
        }
        assertTrue(status.anyContains("WARN", "no room on the filesystem"), status.messages().toString());
        assertEquals(1, record.sequence, "the disk record first");
        assertTrue(spool.read(record));
        assertEquals(2, record.sequence, "then the memory record");
        assertFalse(spool.read(record));
        spool.close();
    }

    /** The disk spool, running {@link #onEmptyDiskRead} each time a read finds nothing. */
    private final class DiskInterleaving implements Spool {
        private final Spool disk;

        DiskInterleaving(Spool disk) {
            this.disk = disk;
        }

        @Override
        public boolean read(SpoolRecord into) {
            boolean read = disk.read(into);
            if (!read) {
                onEmptyDiskRead.run();
            }
            return read;
        }

        @Override
        public int storedSize(EncodedEvent event) {
            return disk.storedSize(event);
        }

        @Override
        public void append(long instanceId, EncodedEvent event) {
            disk.append(instanceId, event);
        }

        @Override
        public void commit(long position) {
            disk.commit(position);
        }

        @Override
        public void rewind() {
            disk.rewind();
        }

        @Override
        public long dropOldest() {
            return disk.dropOldest();
        }

        @Override
        public long pendingBytes() {
            return disk.pendingBytes();
        }

        @Override
        public long pendingEvents() {
            return disk.pendingEvents();
        }

        @Override
        public long oldestTimestampMillis() {
            return disk.oldestTimestampMillis();
        }

        @Override
        public long persist() {
            return disk.persist();
        }

        @Override
        public String description() {
            return disk.description();
        }

        @Override
        public void close() {
            disk.close();
        }
    }
}
