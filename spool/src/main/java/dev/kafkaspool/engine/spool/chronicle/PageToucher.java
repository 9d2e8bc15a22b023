package dev.kafkaspool.engine.spool.chronicle;

import java.io.IOException;

/**
 * Takes the page faults of the spool's writes off the logging threads: on the shipper's thread,
 * it makes the first write to each page past the end of what the logging threads have written
 * ({@link QueueFiles#touchForWriting}, which changes no byte). The spool writes through a
 * memory-mapped file, and the first write to a page costs the writing thread a page fault in which
 * the kernel finds and zeroes a page (reclaiming one when memory is full, as it is once the page
 * cache has filled it), on ext4 reserves its block, and maps it; now and then that takes
 * milliseconds. Touched through the same mapping, the page is mapped when the logging thread's
 * append writes it, and the append takes no fault (docs/benchmarks.md, "The disk spool's pages").
 *
 * <p>It touches only what Chronicle has mapped of the file, so never past the file's end, never past
 * where {@link FileRoll} ends the file, and never within {@link #GAP_BYTES} of the writer's end. A
 * touched page takes its room on the filesystem (its block, or its memory on a tmpfs) before the
 * writer's {@link DiskSpace} counts it: so it touches only while {@link DiskSpace#hasRoomAhead},
 * and otherwise leaves the faults to the writer, whose every write the allowance covers. Best
 * effort: a failure leaves the faults to the writer too.
 *
 * <p><b>Not thread-safe:</b> {@link #touchAhead} is called by one thread at a time (the shipper);
 * the writer's progress comes through {@link WriterProgress}.
 */
final class PageToucher {
    /** How far past the last write the pages are touched. */
    static final long AHEAD_BYTES = 4L << 20;
    /** Pages are touched once the writer comes within this of the last page touched: in batches of about 2 MiB. */
    private static final long REFILL_BYTES = AHEAD_BYTES / 2;
    /** After a touch that the mapped part's end cut short, how much more the writer writes before the next try. */
    private static final long RETRY_BYTES = 512L << 10;
    /**
     * How far past the writer's end a touch starts at the nearest: a writer faster than the
     * toucher (one logging flat out) finds the pages it writes either touched or not being touched.
     */
    static final long GAP_BYTES = 256L << 10;

    private final QueueFiles queue;
    private final DiskSpace space;
    private final WriterProgress written;
    /** Where a file is ended early ({@link FileRoll}): pages past it would only take room in a file left behind. */
    private final long fileEnd;
    private int cycle;
    /** The end of what was touched of {@link #cycle}'s file; -1 before the first touch. */
    private long touchedUpTo = -1;
    /** The writer's position from which the next touch is due. */
    private long nextTouchAt;

    PageToucher(QueueFiles queue, DiskSpace space, WriterProgress written, long fileEnd) {
        this.queue = queue;
        this.space = space;
        this.written = written;
        this.fileEnd = fileEnd;
    }

    /**
     * Touches the pages past the writer's last record up to {@link #AHEAD_BYTES}, once the writer
     * has come within {@link #REFILL_BYTES} of the last page touched; when the mapped part of the
     * file ended short of that (Chronicle maps a block at a time), again after the writer wrote
     * {@link #RETRY_BYTES} more; not while the filesystem is nearly full.
     */
    void touchAhead() {
        long w = written.get();
        if (w < 0) {
            return;
        }
        int c = written.cycleOf(w);
        long end = WriterProgress.positionOf(w);
        if (c != cycle || touchedUpTo < 0) {
            cycle = c;
            touchedUpTo = end;
            nextTouchAt = end;
        }
        if (end < nextTouchAt || !space.hasRoomAhead()) {
            return;
        }
        long to = Math.min(end + AHEAD_BYTES, fileEnd);
        long from = Math.max(touchedUpTo, end + GAP_BYTES);
        if (from >= to) {
            nextTouchAt = Long.MAX_VALUE; // the file ends before: nothing more to touch in it
            return;
        }
        try {
            touchedUpTo = Math.max(touchedUpTo, queue.touchForWriting(c, from, to));
        } catch (IOException | RuntimeException | InternalError e) { // NOPMD: best effort; InternalError: a fault in a mapping
            // what was touched stays touched
        }
        nextTouchAt = touchedUpTo >= to ? touchedUpTo - REFILL_BYTES : end + RETRY_BYTES;
    }

    /** The end of what was touched of the current file; for tests. */
    long touchedUpTo() {
        return touchedUpTo;
    }
}
