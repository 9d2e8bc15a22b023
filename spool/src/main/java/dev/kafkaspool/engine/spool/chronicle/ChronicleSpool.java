package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.spool.ReadLog;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The disk spool: a Chronicle Queue in the spool directory, memory-mapped, so what was appended
 * survives a killed process. The committed position (the last record Kafka acknowledged) is a
 * memory-mapped long in the queue's metadata file, so a new process resumes right after it. Files
 * whose records are all committed are deleted as soon as the committed position leaves them.
 *
 * <p>It reaches Chronicle through {@link QueueFiles}. {@code SpoolOpening} opens it, a
 * {@code RecordWriter} and a {@code RecordReader} write and read its records, and its
 * {@code CommittedPosition} deletes the files shipped. Appends take one lock, the writer's; reads,
 * commits and drops take another, the reader's, so that the shipper never waits for a logging
 * thread's write (which a preempted logging thread can hold for milliseconds) and a logging thread
 * waits for the shipper only to drop a record from a full spool. What both change, the counts and
 * the ledger, is changed atomically.
 *
 * <p>A record dropped while records are in flight lies beyond the committed position, which cannot
 * move past the records in flight; its {@link DroppedRanges} keep it until a commit reaches it, and
 * the reader skips it, after a rewind too. The ranges are kept in memory only: a process that stops
 * before the committed position passes them leaves those records in the spool, and the next process
 * ships them. So the ledger's count is lowered for dropped records only when the committed position
 * passes them, as for shipped ones: it stays what reading the spool at opening finds.
 */
public final class ChronicleSpool implements Spool {
    public static final QueueFiles.Cycles ROLL_CYCLE = QueueFiles.CYCLES;
    public static final String COMMITTED_ID = "kafka-spool.committed";
    private static final long NONE = 0;

    /** Taken by appends: the writer. */
    private final Object writeLock = new Object();
    /** Taken by the shipper's reads, commits, rewinds and drops: the reader, the peeker, the committed position. */
    private final Object lock = new Object();
    private final Path dir;
    private final QueueFiles queue;
    private final RecordWriter writer;
    /** Touches the pages past the writer's end, on the shipper's thread. */
    private final PageToucher toucher;
    /** Ends a file early once it holds an eighth of the cap, on the shipper's thread. */
    private final FileRoll roll;
    /** The shipper's reader. */
    private final RecordReader reader;
    /** Reads ahead of the reader to drop the oldest records and to look at the oldest one. */
    private final QueueFiles.Cursor peeker;
    private final CommittedPosition committed;
    private final SpoolLedger ledger;
    private final ReadLog readLog = new ReadLog();
    private final DroppedRanges dropped = new DroppedRanges();
    private final DiskSpace space;
    private volatile SpoolSync sync = SpoolSync.none();
    /** Raised by appends, lowered by commits and drops, read without a lock (a logging thread's cap check). */
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong pendingEvents = new AtomicLong();
    /** Set when the committed position passed records the reader had not reached: it must skip them. */
    private boolean readerBehind;
    /** What opening found. */
    private SpoolOpening opening;

    ChronicleSpool(Path dir, QueueFiles queue, long maxBytes, DiskSpace space) {
        this.dir = dir;
        this.queue = queue;
        this.space = space;
        WriterProgress written = new WriterProgress();
        this.roll = new FileRoll(queue, written, space, maxBytes);
        this.toucher = new PageToucher(queue, space, written, roll.fileBytes());
        // Each is used by one thread at a time, under its lock, but not always by the same thread.
        this.writer = new RecordWriter(dir, queue.appender(), space, written, roll);
        this.reader = new RecordReader(dir, queue.cursorForAnyThread());
        this.peeker = queue.cursorForAnyThread();
        this.committed = new CommittedPosition(dir, queue);
        this.ledger = SpoolLedger.of(queue);
    }

    /**
     * Opens (or creates) the spool in {@code dir}, and counts what a previous process left in it.
     *
     * @throws SpoolException when Chronicle cannot open it, e.g. because JVM flags are missing
     */
    public static ChronicleSpool open(Path dir, long maxBytes) {
        return open(dir, maxBytes, null, DiskSpace.of(dir));
    }

    /**
     * As {@link #open(Path, long)}, with the wall clock that files roll by, in milliseconds since
     * the epoch (null for the system clock; see {@link RollClock} for what it does when that clock
     * is set back), and the filesystem's free space.
     */
    public static ChronicleSpool open(Path dir, long maxBytes, LongSupplier clock, DiskSpace space) {
        return SpoolOpening.open(dir, maxBytes, clock, space);
    }

    /** Reads what the spool holds, as it opens. */
    void recover() {
        synchronized (lock) {
            committed.positionAfter(peeker);
            opening = SpoolOpening.read(dir, queue, peeker, ledger);
            pendingBytes.set(opening.bytes);
            pendingEvents.set(opening.records);
            reader.moveAfter(committed.get());
            committed.deleteCommittedFiles();
        }
    }

    /**
     * Creates the current roll cycle's file ahead of the first write, once opening has accepted the
     * spool (a spool that opening refuses, e.g. one of a newer format, is left without a new file),
     * and moves the reader after the committed record again: a reader moved to the start of a queue
     * without files stays in the file made here, and would not go on to the records of a later
     * cycle's file (a new spool's first events, logged after its first five minutes ended).
     */
    void createCurrentFile() {
        synchronized (writeLock) {
            writer.createCurrentFile();
        }
        synchronized (lock) {
            reader.moveAfter(committed.get());
        }
    }

    @Override
    public int storedSize(EncodedEvent event) {
        return writer.storedSize(event); // the codec's size keeps nothing: no lock
    }

    /** Appends a record copied, as it is, out of the damaged files of the spool this one replaces. */
    void copy(byte[] buffer, int size) {
        synchronized (writeLock) {
            writer.copy(buffer, size);
            appended(size);
        }
    }

    /** The spool directory. */
    Path dir() {
        return dir;
    }

    /** What opening found. */
    SpoolOpening opening() {
        return opening;
    }

    /** What opening found damaged, for the status channel; null when nothing was. */
    public String openingDamage() {
        return opening.damage();
    }

    /** How many events the damage found at opening made unreadable, counted as dropped. */
    public long openingLost() {
        return opening.lost();
    }

    /** From now on, what this spool writes is synced to the disk as {@code sync} says. */
    public void syncWith(SpoolSync sync) {
        this.sync = sync;
    }

    @Override
    public void maintain() {
        space.refreshIfDue();
        sync.syncIfDue(dir);
        roll.rollIfFull();
        toucher.touchAhead();
        synchronized (lock) {
            committed.deleteLeftFiles(); // those drops left: a drop leaves deleting to this thread
        }
    }

    @Override
    public void append(long instanceId, EncodedEvent event) {
        synchronized (writeLock) {
            appended(writer.append(instanceId, event));
            sync.written(writer.cycle());
        }
    }

    /** Counts a record written: after the write, so a killed process leaves the ledger low, never high. */
    private void appended(int size) {
        ledger.appended();
        pendingBytes.addAndGet(size);
        pendingEvents.incrementAndGet();
    }

    @Override
    public boolean read(SpoolRecord into) {
        synchronized (lock) {
            if (readerBehind) {
                reader.moveAfter(committed.get());
                readerBehind = false;
            }
            return reader.read(into, readLog, dropped);
        }
    }

    @Override
    public void commit(long position) {
        synchronized (lock) {
            long last = NONE;
            long removed = 0;
            long bytes = 0;
            while (!readLog.isEmpty() && readLog.headPosition() <= position) {
                last = readLog.headPosition();
                bytes += readLog.headSize();
                removed++;
                readLog.removeHead();
            }
            pendingBytes.addAndGet(-bytes);
            pendingEvents.addAndGet(-removed);
            if (last != NONE && last > committed.get()) {
                commitUpTo(last, removed, true);
                if (committed.get() > reader.lastRead()) {
                    // It passed records dropped right after the last one read, which the reader
                    // has not reached and whose range it forgot: it must skip them.
                    readerBehind = true;
                }
            }
        }
    }

    @Override
    public void rewind() {
        synchronized (lock) {
            readLog.clear();
            readerBehind = false;
            reader.moveAfter(committed.get());
        }
    }

    /**
     * Drops the oldest record not in flight. With records in flight it is the one after the last
     * record read (and after the dropped range there), kept in {@link #dropped}; with none, the
     * committed position moves past it.
     */
    @Override
    public long dropOldest() {
        synchronized (lock) {
            boolean inFlight = !readLog.isEmpty();
            long after = inFlight ? reader.lastRead() : committed.get();
            peeker.moveAfter(dropped.endOfRangeAfter(after));
            try (QueueFiles.Document record = peeker.next()) {
                if (!record.isPresent()) {
                    return 0;
                }
                long freed = record.size();
                if (inFlight) {
                    dropped.add(after, record.index());
                } else {
                    commitUpTo(record.index(), 1, false);
                    readerBehind = true;
                }
                pendingBytes.addAndGet(-freed);
                pendingEvents.decrementAndGet();
                return freed;
            }
        }
    }

    /**
     * Moves the committed position to {@code index}, having shipped or dropped {@code records} up
     * to it besides those of the dropped ranges it passes, and on past a dropped range that starts
     * right after it. Files it leaves are deleted when {@code deleteFiles}; a drop, on a logging
     * thread, leaves that to the shipper's next round ({@link #maintain}) but for a second file
     * ({@link CommittedPosition#set}).
     */
    private void commitUpTo(long index, long records, boolean deleteFiles) {
        long end = dropped.endOfRangeAfter(index);
        ledger.removed(records + dropped.removeUpTo(end));
        if (deleteFiles) {
            committed.advanceTo(end);
        } else {
            committed.set(end);
        }
    }

    @Override
    public long pendingBytes() {
        return pendingBytes.get();
    }

    @Override
    public long pendingEvents() {
        return pendingEvents.get();
    }

    @Override
    public long oldestTimestampMillis() {
        synchronized (lock) {
            if (!readLog.isEmpty()) {
                return readLog.headTimestamp();
            }
            peeker.moveAfter(dropped.endOfRangeAfter(committed.get()));
            try (QueueFiles.Document record = peeker.next()) {
                if (!record.isPresent()) {
                    return -1;
                }
                return reader.timestampOf(record);
            }
        }
    }

    @Override
    public long persist() {
        return 0;
    }

    @Override
    public String description() {
        return "disk spool in " + dir;
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            synchronized (lock) {
                writer.close();
                reader.close();
                peeker.close();
                committed.close();
                ledger.close();
                queue.close();
            }
        }
        sync.syncNow(dir);
    }

    /** The most the spool's files take on disk for a cap of {@code maxBytes} (see {@code FileRoll}). */
    public static long mostOnDisk(long maxBytes) {
        return FileRoll.mostOnDisk(maxBytes);
    }

    /** The name of the file that holds a cycle: the cycle's start time in the roll cycle's UTC pattern. */
    public static String fileNameOf(int cycle) {
        return SpoolFiles.fileNameOf(cycle);
    }
}
