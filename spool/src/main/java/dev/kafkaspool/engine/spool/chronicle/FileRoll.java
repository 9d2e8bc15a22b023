package dev.kafkaspool.engine.spool.chronicle;

/**
 * Ends a spool file once it holds an eighth of the spool's cap, before its five minutes are over,
 * so that the spool's files on disk stay within about one and a half times the cap
 * ({@link #mostOnDisk}). A file is deleted only once everything in it is shipped or dropped; a
 * file of five minutes' events can hold many times the cap under a sustained overload, and the
 * part of it already dropped would stay on disk (in Kubernetes, count against the volume's
 * {@code sizeLimit} until the pod is evicted).
 *
 * <p>On the shipper's thread: once the writer's file is half full, or its cycle ends within
 * {@link #AHEAD_OF_CYCLE_END_MILLIS} by the roll clock, it makes the next cycle's file
 * ({@link QueueFiles#createFile}, without the queue's write lock, which the logging threads' writes
 * take), so that the logging thread that moves there, by size or at the cycle's end, only moves;
 * once the file is full, it moves the roll clock to the next cycle's start
 * ({@link QueueFiles#rollAfter}), and the logging thread's next write finds the file made and only
 * moves to it. The roll clock then runs ahead of the wall clock, which changes the names of later
 * files only ({@link RollClock}). No file is made or ended early while the filesystem is nearly
 * full ({@link DiskSpace#hasRoomAhead}): a new file takes room before the writer's allowance
 * counts it; the files then roll by time alone.
 *
 * <p><b>Thread-safety:</b> {@link #rollIfFull} is called by the shipper ({@code ChronicleSpool#maintain}),
 * {@link #writerAt} by the writer, under the spool's writer lock; they share no field of their
 * own, only the queue's roll clock and the filesystem's space, which are thread-safe.
 */
final class FileRoll {
    /** A file ends once it holds this part of the cap. */
    static final int FILES_PER_CAP = 8;
    /** The smallest size a file is ended at, for a small cap: a roll costs the writer a move to a new mapping. */
    static final long MIN_FILE_BYTES = 1L << 20;
    /**
     * How long before the end of the cycle the writer last wrote in the next cycle's file is made:
     * the shipper's rounds are milliseconds apart, and a file made early only waits.
     */
    static final long AHEAD_OF_CYCLE_END_MILLIS = 10_000;

    private final QueueFiles queue;
    private final WriterProgress written;
    private final DiskSpace space;
    private final long fileBytes;
    /** The last cycle ended by the shipper; files of earlier cycles are not looked at again. */
    private int rolledCycle = -1;
    /** The last cycle whose file was made ahead of the writer. */
    private int madeCycle = -1;
    /** The last cycle ended by the writer. */
    private int writerRolledCycle = -1;

    FileRoll(QueueFiles queue, WriterProgress written, DiskSpace space, long maxBytes) {
        this.queue = queue;
        this.written = written;
        this.space = space;
        this.fileBytes = fileBytesFor(maxBytes);
    }

    /**
     * The most the files of a spool capped at {@code maxBytes} take on disk, while Kafka is down or
     * acknowledges what is sent (records held only by a dropped range behind records in flight wait
     * for their answers): the cap; the oldest file's records already shipped or dropped, and one
     * more file left for the shipper to delete, each file at most twice {@link #fileBytesFor}; the
     * pages touched ahead of the writer; and the files' headers and indexes, a thirty-second of the
     * cap and a mebibyte.
     */
    static long mostOnDisk(long maxBytes) {
        return maxBytes + 4 * fileBytesFor(maxBytes) + PageToucher.AHEAD_BYTES + maxBytes / 32 + (1L << 20);
    }

    /** The size at which this spool's files end. */
    long fileBytes() {
        return fileBytes;
    }

    /** The size at which a file of a spool capped at {@code maxBytes} ends. */
    static long fileBytesFor(long maxBytes) {
        return Math.max(maxBytes / FILES_PER_CAP, MIN_FILE_BYTES);
    }

    /**
     * The writer's own check after each record, under the writer's lock: a file the shipper has not
     * ended by twice {@link #fileBytesFor} is ended by the writer, whose next record then makes the
     * next file (a few milliseconds, once): the files' size stays bounded when the shipper's thread
     * does not get to run.
     */
    void writerAt(int cycle, long position) {
        if (position >= 2 * fileBytes && cycle > writerRolledCycle && space.hasRoomAhead()) {
            writerRolledCycle = cycle;
            queue.rollAfter(cycle);
        }
    }

    /**
     * Makes the next cycle's file once the writer's file is half full or its cycle is about to end,
     * and ends the writer's file, once, when it holds {@link #fileBytesFor} of records; true when
     * it ended it.
     */
    boolean rollIfFull() {
        long w = written.get();
        if (w < 0 || !space.hasRoomAhead()) {
            return false;
        }
        int cycle = written.cycleOf(w);
        long position = WriterProgress.positionOf(w);
        if (cycle + 1 > madeCycle && (position >= fileBytes / 2 || endsSoon(cycle))) {
            madeCycle = cycle + 1;
            try {
                queue.createFile(cycle + 1);
            } catch (RuntimeException | InternalError e) { // NOPMD: best effort; InternalError: a fault in a mapping
                // the writer makes the file when it moves there
            }
        }
        if (cycle <= rolledCycle || position < fileBytes) {
            return false;
        }
        rolledCycle = cycle;
        queue.rollAfter(cycle);
        return true;
    }

    /**
     * True when {@code cycle} ends by the roll clock within {@link #AHEAD_OF_CYCLE_END_MILLIS}; not
     * once it has ended: a writer idle since an earlier cycle moves to the clock's cycle, not the
     * one after its last.
     */
    private boolean endsSoon(int cycle) {
        long left = QueueFiles.CYCLES.startMillis(cycle + 1) - queue.rollMillis();
        return left > 0 && left <= AHEAD_OF_CYCLE_END_MILLIS;
    }
}
