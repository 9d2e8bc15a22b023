package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.config.ValueParsers;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.spool.ReadLog;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The disk spool: a Chronicle Queue in the spool directory, memory-mapped, so what was appended
 * survives a killed process. The committed position (the last record Kafka acknowledged) is a
 * memory-mapped long in the queue's metadata file, so a new process resumes right after it. Files
 * whose records are all committed are deleted as soon as the committed position leaves them.
 *
 * <p>It reaches Chronicle through {@link QueueFiles}. All its methods take one lock: appends are a few
 * hundred nanoseconds, and the shipper holds it only to read or commit a record.
 */
public final class ChronicleSpool implements Spool {
    public static final QueueFiles.Cycles ROLL_CYCLE = QueueFiles.CYCLES;
    public static final String COMMITTED_ID = "kafka-spool.committed";
    private static final long NONE = 0;

    private final Object lock = new Object();
    private final Path dir;
    private final QueueFiles queue;
    private final QueueFiles.Appender appender;
    /** The shipper's reader. */
    private final QueueFiles.Cursor reader;
    /** Reads ahead of the reader to drop the oldest records and to look at the oldest one. */
    private final QueueFiles.Cursor peeker;
    private final QueueFiles.StoredLong committed;
    private final SpoolLedger ledger;
    private final ReadLog readLog = new ReadLog();
    private final SpoolRecordCodec writeCodec = SpoolRecordCodec.create();
    private final SpoolRecordCodec readCodec = SpoolRecordCodec.create();
    private final DiskSpace space;
    private volatile SpoolSync sync = SpoolSync.none();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);
    private long pendingBytes;
    private long pendingRecords;
    /** Set when records were dropped that the reader had not reached: it must skip them. */
    private boolean readerBehind;
    private int cleanedBelowCycle;
    /** A write faulted part-way: the spool file is damaged and this process must not write to it again. */
    private String damage;
    /** Reading in order stopped before the queue's end at open (a damaged file). */
    private boolean stoppedEarly;
    /** Records the queue holds that reading in order cannot reach, found at open; -1 when unknown. */
    private long unreachableRecords;
    private long firstUnreachable;
    /** The unshipped events the ledger counted at open; -1 when it kept no count. */
    private long countedPending = -1;
    /** What opening found damaged, or null. */
    private String openingDamage;
    private long openingLost;

    private ChronicleSpool(Path dir, QueueFiles queue, DiskSpace space) {
        this.dir = dir;
        this.queue = queue;
        this.space = space;
        // Each is used by one thread at a time, under the lock, but not always by the same thread.
        this.appender = queue.appender();
        this.reader = queue.cursorForAnyThread();
        this.peeker = queue.cursorForAnyThread();
        this.committed = queue.storedLong(COMMITTED_ID);
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
        List<String> damagedFiles;
        Path filesAside;
        try {
            damagedFiles = DamagedFiles.find(dir);
            filesAside = DamagedFiles.setAside(dir, damagedFiles);
        } catch (java.io.IOException e) {
            throw new SpoolException("cannot check the files of the spool in " + dir + " or set damaged ones aside: "
                    + e, e);
        }
        ChronicleSpool spool = openAsIs(dir, maxBytes, clock, space);
        if (spool.stoppedEarly) {
            spool = SpoolRepair.setDamageAside(spool, maxBytes, clock, space);
        } else {
            spool.countMissing();
        }
        if (!damagedFiles.isEmpty()) {
            spool.addOpeningDamage(SpoolRepair.describeDamagedFiles(dir, damagedFiles, filesAside), 0);
        }
        return spool;
    }

    static ChronicleSpool openAsIs(Path dir, long maxBytes, LongSupplier clock, DiskSpace space) {
        QueueFiles queue = QueueFiles.open(dir, maxBytes, clock);
        try {
            ChronicleSpool spool = new ChronicleSpool(dir, queue, space);
            SpoolDirectory.ownerOnly(dir.resolve(QueueFiles.METADATA_FILE));
            spool.recover();
            return spool;
        } catch (SpoolException e) {
            queue.close();
            throw e;
        } catch (RuntimeException | Error e) {
            queue.close();
            throw new SpoolException("cannot read the spool in " + dir + ": " + e, e);
        }
    }

    private void recover() {
        synchronized (lock) {
            positionAfterCommitted(peeker);
            long bytes = 0;
            long records = 0;
            long newer = 0;
            int newestVersion = 0;
            boolean readingFailed = false;
            while (true) {
                try (QueueFiles.Document record = peeker.next()) {
                    if (!record.isPresent()) {
                        break;
                    }
                    int version = record.size() > 0 ? record.peekUnsignedByte() : 0;
                    if (version > SpoolRecordCodec.VERSION && version < SpoolRecordCodec.FIRST_VERSION_NOT_EXPECTED) {
                        newer++;
                        newestVersion = Math.max(newestVersion, version);
                    }
                    bytes += record.size();
                    records++;
                } catch (RuntimeException | Error e) { // NOPMD: a file cut short surfaces as InternalError
                    readingFailed = true;
                    break;
                }
            }
            if (newer > 0) {
                throw new SpoolException("the spool in " + dir + " was written by a newer version of kafka-spool: "
                        + newer + " of its " + records + " unshipped event(s) are in record format version "
                        + newestVersion + ", and this version reads versions " + SpoolRecordCodec.VERSION_WITHOUT_CHECKSUM
                        + " to " + SpoolRecordCodec.VERSION + "; the spool is left as it is, for a newer version to "
                        + "ship, and this process does not use it", null);
            }
            pendingBytes = bytes;
            pendingRecords = records;
            // Reading stops at the first place it cannot go on from (e.g. zeros where a record was).
            // Records the queue holds past that place cannot be reached by reading in order.
            long reached = peeker.index();
            firstUnreachable = reached;
            try {
                long last = queue.lastIndex();
                stoppedEarly = readingFailed || last >= reached && last > NONE;
                unreachableRecords = stoppedEarly ? queue.countExcerpts(reached, last) + 1 : 0;
            } catch (RuntimeException | Error e) { // NOPMD: Chronicle's index of a file cut short can fail any way
                stoppedEarly = true;
                unreachableRecords = -1;
            }
            countedPending = ledger.known() ? ledger.pending() : -1;
            if (!stoppedEarly) {
                // From here on the count is what can be read (a damaged spool is counted as it is copied).
                ledger.start(records);
            }
            positionAfterCommitted(reader);
            deleteCommittedFiles();
        }
    }

    @Override
    public int storedSize(EncodedEvent event) {
        synchronized (lock) {
            return writeCodec.encodedSize(event);
        }
    }

    /**
     * Appends the pending records of another queue, as they are; where reading stops before the
     * last of {@code cycles}, goes on with the next file.
     */
    void copyPendingFrom(QueueFiles old, List<Integer> cycles) {
        synchronized (lock) {
            try (QueueFiles.StoredLong oldCommitted = old.storedLong(COMMITTED_ID);
                 QueueFiles.Cursor tailer = old.cursor()) {
                long c = oldCommitted.get();
                tailer.moveAfter(c);
                int cycle = c > NONE ? ROLL_CYCLE.toCycle(c) : cycles.isEmpty() ? 0 : cycles.get(0);
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (true) {
                    int size = -1;
                    try (QueueFiles.Document record = tailer.next()) {
                        if (record.isPresent()) {
                            cycle = ROLL_CYCLE.toCycle(record.index());
                            buffer = record.readInto(buffer);
                            size = buffer.limit();
                        }
                    } catch (RuntimeException | Error e) { // NOPMD: a file cut short surfaces as InternalError
                        size = -1;
                    }
                    if (size >= 0) {
                        copy(buffer.array(), size);
                        continue;
                    }
                    cycle = SpoolRepair.nextReadableCycle(tailer, cycles, cycle);
                    if (cycle < 0) {
                        break;
                    }
                }
            }
        }
    }

    private void copy(byte[] buffer, int size) {
        if (!space.hasRoomFor(size)) {
            throw new SpoolException("no room on the filesystem of the spool in " + dir
                    + " to copy the readable events out of its damaged files", null);
        }
        appender.append(buffer, size);
        ledger.appended();
        pendingBytes += size;
        pendingRecords++;
    }

    /**
     * Reading in order found fewer events than the ledger counted: files in the middle are missing
     * or the last one was cut short, and reading passes over that without a sign.
     */
    private void countMissing() {
        if (countedPending > pendingRecords) {
            openingLost = countedPending - pendingRecords;
            openingDamage = "the spool in " + dir + " holds " + pendingRecords + " readable unshipped event(s), but "
                    + "it had counted " + countedPending + ": " + openingLost + " event(s) were in spool files that "
                    + "are missing or were cut short, and are counted as dropped (spoolError); its spool files are: "
                    + DamagedFiles.names(dir);
        }
    }

    /** Adds to what opening found damaged: a message, and how many events it made unreadable. */
    void addOpeningDamage(String message, long lost) {
        openingDamage = openingDamage == null ? message : message + ". " + openingDamage;
        openingLost += lost;
    }

    /** The spool directory. */
    Path dir() {
        return dir;
    }

    /** Whether reading in order stopped before the queue's end at open, and where. */
    boolean stoppedEarly() {
        return stoppedEarly;
    }

    long firstUnreachable() {
        return firstUnreachable;
    }

    /** Records past the place reading stopped at open, by Chronicle's index; -1 when unknown. */
    long unreachableRecords() {
        return unreachableRecords;
    }

    /** The unshipped events the ledger counted at open; -1 when it kept no count. */
    long countedPending() {
        return countedPending;
    }

    /** What opening found damaged, for the status channel; null when nothing was. */
    public String openingDamage() {
        return openingDamage;
    }

    /** How many events the damage found at opening made unreadable, counted as dropped. */
    public long openingLost() {
        return openingLost;
    }

    /** From now on, what this spool writes is synced to the disk as {@code sync} says. */
    public void syncWith(SpoolSync sync) {
        this.sync = sync;
    }

    @Override
    public void maintain() {
        space.refreshIfDue();
        sync.syncIfDue(dir);
    }

    @Override
    public void append(long instanceId, EncodedEvent event) {
        synchronized (lock) {
            if (damage != null) {
                throw new SpoolException(damage, null);
            }
            int size = writeCodec.encodedSize(event);
            if (!space.hasRoomFor(size)) {
                throw new SpoolException("no room on the filesystem of the spool in " + dir + " ("
                        + ValueParsers.formatSize(space.lastUsableBytes()) + " usable, "
                        + ValueParsers.formatSize(DiskSpace.RESERVE_BYTES) + " kept free)", null);
            }
            if (scratch.capacity() < size) {
                scratch = ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2));
            }
            scratch.clear();
            writeCodec.encode(instanceId, event, scratch);
            try {
                appender.append(scratch.array(), size);
            } catch (RuntimeException | Error e) { // NOPMD: a fault in a mapped file surfaces as InternalError
                damage = "a write to the spool in " + dir + " failed part-way (" + e + "); its file may be damaged, "
                        + "so this process writes no more to it";
                throw new SpoolException(damage, e);
            }
            ledger.appended();
            pendingBytes += size;
            pendingRecords++;
            sync.written(appender.cycle());
        }
    }

    @Override
    public boolean read(SpoolRecord into) {
        synchronized (lock) {
            if (readerBehind) {
                positionAfterCommitted(reader);
                readerBehind = false;
            }
            try (QueueFiles.Document record = reader.next()) {
                if (!record.isPresent()) {
                    return false;
                }
                scratch = record.readInto(scratch);
                int size = scratch.limit();
                try {
                    readCodec.decode(scratch, into);
                } catch (RuntimeException e) {
                    // The record's own bytes are damaged; the queue around it is fine. Hand it out
                    // as damaged so it is counted and committed in order, and go on with the next.
                    into.damage = "the record at index " + Long.toHexString(record.index()) + " of the spool in " + dir
                            + " could not be read (" + e.getMessage() + ")";
                    into.timestampMillis = 0;
                }
                into.position = record.index();
                readLog.add(into.position, size, into.timestampMillis);
                return true;
            }
        }
    }

    @Override
    public void commit(long position) {
        synchronized (lock) {
            long last = NONE;
            long removed = 0;
            while (!readLog.isEmpty() && readLog.headPosition() <= position) {
                last = readLog.headPosition();
                pendingBytes -= readLog.headSize();
                pendingRecords--;
                removed++;
                readLog.removeHead();
            }
            if (last != NONE && last > committed.get()) {
                ledger.removed(removed);
                committed.set(last);
                if (ROLL_CYCLE.toCycle(last) > cleanedBelowCycle) {
                    deleteCommittedFiles();
                }
            }
        }
    }

    @Override
    public void rewind() {
        synchronized (lock) {
            readLog.clear();
            readerBehind = false;
            positionAfterCommitted(reader);
        }
    }

    @Override
    public long dropOldest() {
        synchronized (lock) {
            if (!readLog.isEmpty()) {
                return 0;
            }
            positionAfterCommitted(peeker);
            try (QueueFiles.Document record = peeker.next()) {
                if (!record.isPresent()) {
                    return 0;
                }
                long freed = record.size();
                ledger.removed(1);
                committed.set(record.index());
                pendingBytes -= freed;
                pendingRecords--;
                readerBehind = true;
                return freed;
            }
        }
    }

    @Override
    public long pendingBytes() {
        synchronized (lock) {
            return pendingBytes;
        }
    }

    @Override
    public long pendingRecords() {
        synchronized (lock) {
            return pendingRecords;
        }
    }

    @Override
    public long oldestTimestampMillis() {
        synchronized (lock) {
            if (!readLog.isEmpty()) {
                return readLog.headTimestamp();
            }
            positionAfterCommitted(peeker);
            try (QueueFiles.Document record = peeker.next()) {
                if (!record.isPresent()) {
                    return -1;
                }
                int size = SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES;
                record.read(scratch.array(), size);
                return SpoolRecordCodec.timestampOf(scratch, 0);
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
        synchronized (lock) {
            appender.close();
            reader.close();
            peeker.close();
            committed.close();
            ledger.close();
            queue.close();
        }
        sync.syncNow(dir);
    }

    /** Moves a cursor to the first record after the committed one. */
    private void positionAfterCommitted(QueueFiles.Cursor cursor) {
        cursor.moveAfter(committed.get());
    }

    /** Deletes the files before the one that holds the committed record: everything in them is shipped. */
    private void deleteCommittedFiles() {
        long c = committed.get();
        if (c <= NONE) {
            return;
        }
        int cycle = ROLL_CYCLE.toCycle(c);
        String current = fileNameOf(cycle);
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(QueueFiles.SUFFIX));
        boolean deleted = false;
        if (files != null) {
            for (File f : files) {
                if (f.getName().compareTo(current) < 0) {
                    deleted |= f.delete();
                }
            }
        }
        cleanedBelowCycle = cycle;
        if (deleted) {
            queue.refreshDirectoryListing();
        }
    }

    /** The name of the file that holds a cycle: the cycle's start time in the roll cycle's UTC pattern. */
    public static String fileNameOf(int cycle) {
        return CYCLE_NAMES.format(Instant.ofEpochMilli((long) cycle * ROLL_CYCLE.lengthInMillis()))
                + QueueFiles.SUFFIX;
    }

    static final DateTimeFormatter CYCLE_NAMES = DateTimeFormatter.ofPattern(ROLL_CYCLE.format())
            .withZone(ZoneOffset.UTC);
}
