package dev.kafkaspool.engine.spool.chronicle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the pages just past the end of the spool's current file into the page cache, on the
 * shipper's thread, so that a logging thread's append finds them there. The spool writes through a
 * memory-mapped file, and the first write to a page the kernel does not hold yet costs the writing
 * thread a page fault in which the kernel finds and zeroes a page (reclaiming one when memory is
 * full, as it is once the page cache has filled it) and, on ext4, reserves its block, now and then
 * for milliseconds. With the page already read, the fault only maps it (docs/benchmarks.md, "The
 * disk spool's pages").
 *
 * <p>It only reads ({@code pread} of the file, never through a mapping): it cannot change a byte
 * of the spool, nor fault on a page past the file's end, whatever the writer does meanwhile. The
 * file is read up to its current size, which Chronicle raises a block at a time ahead of the
 * writer, and opened only for each batch of reads, so a file shipped and deleted is not held open.
 * Best effort: a failure to read leaves the faults to the writer, as without it.
 *
 * <p><b>Thread-safety:</b> {@link #written} is called by the writer, under the spool's writer lock;
 * {@link #touchAhead} by one thread at a time (the shipper).
 */
final class PageToucher {
    /** How far past the last write the pages are read. */
    static final long AHEAD_BYTES = 4L << 20;
    /** Pages are read once the writer comes within this of the last page read: in batches of about 2 MiB. */
    private static final long REFILL_BYTES = AHEAD_BYTES / 2;
    /** After a read that the file's end cut short, how much more the writer writes before the next try. */
    private static final long RETRY_BYTES = 512L << 10;
    private static final int READ_BYTES = 64 << 10;
    /**
     * How far past the writer's end a read starts at the nearest: a writer faster than the reads
     * (one logging flat out to a fast disk) finds the pages it writes either read or not being read.
     */
    private static final long GAP_BYTES = 256L << 10;
    private static final int POSITION_BITS = 40;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;

    private final Path dir;
    /** The writer's last cycle and the end of its last record there, {@code cycle << 40 | position}; -1 before any. */
    private final AtomicLong written = new AtomicLong(-1);
    private ByteBuffer buffer;
    private int cycle;
    /** The end of what was read of {@link #cycle}'s file; -1 before the first read. */
    private long readUpTo = -1;
    /** The writer's position from which the next read is due. */
    private long nextReadAt;

    PageToucher(Path dir) {
        this.dir = dir;
    }

    /** The writer wrote the file of {@code cycle} up to {@code position}: an ordered write, no fence. */
    void written(int cycle, long position) {
        if (cycle >= 0 && position >= 0 && position <= POSITION_MASK) {
            written.lazySet((long) cycle << POSITION_BITS | position);
        }
    }

    /**
     * Reads the pages past the writer's last record up to {@link #AHEAD_BYTES}, once the writer has
     * come within {@link #REFILL_BYTES} of the last page read; when the file ended short of that
     * (Chronicle raises its size a block at a time), again after the writer wrote
     * {@link #RETRY_BYTES} more.
     */
    void touchAhead() {
        long w = written.get();
        if (w < 0) {
            return;
        }
        int c = (int) (w >>> POSITION_BITS);
        long end = w & POSITION_MASK;
        if (c != cycle || readUpTo < 0) {
            cycle = c;
            readUpTo = end;
            nextReadAt = end;
        }
        if (end < nextReadAt) {
            return;
        }
        long to = end + AHEAD_BYTES;
        readUpTo = read(SpoolFiles.fileNameOf(c), readUpTo, to);
        nextReadAt = readUpTo >= to ? readUpTo - REFILL_BYTES : end + RETRY_BYTES;
    }

    /** The end of what was read of the current file; for tests. */
    long readUpTo() {
        return readUpTo;
    }

    private long read(String fileName, long from, long to) {
        long position = from;
        try (FileChannel file = FileChannel.open(dir.resolve(fileName), StandardOpenOption.READ)) {
            long until = Math.min(to, file.size());
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(READ_BYTES);
            }
            while (position < until) {
                // Never where the writer is about to write: a page being read in makes its fault wait.
                long w = written.get();
                if ((int) (w >>> POSITION_BITS) != cycle) {
                    break;
                }
                position = Math.max(position, (w & POSITION_MASK) + GAP_BYTES);
                if (position >= until) {
                    break;
                }
                buffer.clear().limit((int) Math.min(READ_BYTES, until - position));
                int n = file.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                position += n;
            }
        } catch (IOException | RuntimeException e) { // NOPMD: best effort, the writer takes its faults itself
            // what was read stays read
        }
        return position;
    }
}
