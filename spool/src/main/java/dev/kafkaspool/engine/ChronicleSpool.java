package dev.kafkaspool.engine;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.values.LongValue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The disk spool: a Chronicle Queue in the spool directory, memory-mapped, so what was appended
 * survives a killed process. The committed position (the last record Kafka acknowledged) is a
 * memory-mapped long in the queue's metadata file, so a new process resumes right after it. Files
 * whose records are all committed are deleted as soon as the committed position leaves them.
 *
 * <p>This is the one class that uses Chronicle. All its methods take one lock: appends are a few
 * hundred nanoseconds, and the shipper holds it only to read or commit a record.
 */
final class ChronicleSpool implements Spool {
    static final RollCycle ROLL_CYCLE = RollCycles.FIVE_MINUTELY;
    static final String COMMITTED_ID = "kafka-spool.committed";
    private static final long NONE = 0;

    private final Object lock = new Object();
    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    /** The shipper's reader. */
    private final ExcerptTailer reader;
    /** Reads ahead of the reader to drop the oldest records and to look at the oldest one. */
    private final ExcerptTailer peeker;
    private final LongValue committed;
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
    /** A write faulted part-way: the queue file is damaged and this process must not write to it again. */
    private String damage;
    /** Records the queue holds that reading in order cannot reach (a damaged file); found at open. */
    private long unreachableRecords;
    private long firstUnreachable;
    /** What opening found damaged and set aside, or null. */
    private String setAside;
    private long setAsideLost;

    private ChronicleSpool(Path dir, SingleChronicleQueue queue, DiskSpace space) {
        this.dir = dir;
        this.queue = queue;
        this.space = space;
        this.appender = queue.createAppender();
        this.reader = queue.createTailer();
        this.peeker = queue.createTailer();
        this.committed = queue.indexForId(COMMITTED_ID);
        // Each is used by one thread at a time, under the lock, but not always by the same thread.
        appender.singleThreadedCheckDisabled(true);
        reader.singleThreadedCheckDisabled(true);
        peeker.singleThreadedCheckDisabled(true);
    }

    /**
     * Opens (or creates) the spool in {@code dir}, and counts what a previous process left in it.
     *
     * @throws SpoolException when Chronicle cannot open it, e.g. because JVM flags are missing
     */
    static ChronicleSpool open(Path dir, long maxBytes) {
        return open(dir, maxBytes, null, DiskSpace.of(dir));
    }

    /**
     * As {@link #open(Path, long)}, with the wall clock that files roll by (null for the system
     * clock; see {@link RollClock} for what it does when that clock is set back) and the
     * filesystem's free space.
     */
    static ChronicleSpool open(Path dir, long maxBytes, net.openhft.chronicle.core.time.TimeProvider clock,
                               DiskSpace space) {
        ChronicleSpool spool = openAsIs(dir, maxBytes, clock, space);
        return spool.unreachableRecords > 0 ? setDamageAside(spool, maxBytes, clock, space) : spool;
    }

    private static SingleChronicleQueue openQueue(Path dir, long maxBytes,
                                                  net.openhft.chronicle.core.time.TimeProvider clock) {
        ChronicleDefaults.apply();
        SingleChronicleQueue queue = null;
        try {
            RollClock rollClock = new RollClock(clock != null ? clock::currentTimeMillis : System::currentTimeMillis);
            queue = SingleChronicleQueueBuilder.single(dir.toFile())
                    .rollCycle(ROLL_CYCLE)
                    .blockSize(blockSizeFor(maxBytes))
                    .storeFileListener(new OwnerOnlyFiles())
                    .timeProvider(rollClock::millis)
                    .build();
            if (queue.lastCycle() >= 0) {
                rollClock.notBefore((long) queue.lastCycle() * ROLL_CYCLE.lengthInMillis());
            }
        } catch (Throwable e) { // NOPMD: missing JVM flags surface as errors from Chronicle's class setup
            if (queue != null) {
                queue.close();
            }
            throw new SpoolException("cannot open a Chronicle Queue in " + dir + ChronicleDefaults.hintFor(e), e);
        }
        return queue;
    }

    private static ChronicleSpool openAsIs(Path dir, long maxBytes, net.openhft.chronicle.core.time.TimeProvider clock,
                                           DiskSpace space) {
        SingleChronicleQueue queue = openQueue(dir, maxBytes, clock);
        try {
            ChronicleSpool spool = new ChronicleSpool(dir, queue, space);
            SpoolDirectory.ownerOnly(dir.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE));
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

    /** Chronicle maps files in blocks; a small cap wants small blocks so a small disk is not over-mapped. */
    private static long blockSizeFor(long maxBytes) {
        long block = Long.highestOneBit(Math.max(maxBytes / 4, 1L << 20));
        return Math.min(block, 64L << 20);
    }

    private void recover() {
        synchronized (lock) {
            positionAfterCommitted(peeker);
            long bytes = 0;
            long records = 0;
            long newer = 0;
            int newestVersion = 0;
            while (true) {
                try (DocumentContext dc = peeker.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    Bytes<?> record = dc.wire().bytes();
                    int version = record.readRemaining() > 0 ? record.peekUnsignedByte() : 0;
                    if (version > SpoolRecordCodec.VERSION && version < SpoolRecordCodec.FIRST_VERSION_NOT_EXPECTED) {
                        newer++;
                        newestVersion = Math.max(newestVersion, version);
                    }
                    bytes += record.readRemaining();
                    records++;
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
            long last = queue.lastIndex();
            unreachableRecords = last >= reached && last > NONE ? queue.countExcerpts(reached, last) + 1 : 0;
            firstUnreachable = reached;
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
     * The queue files in {@code damaged.dir} hold records that reading in order cannot reach.
     * Moves every queue file to a {@code damaged-<time>} directory beside them, opens a new queue
     * in the spool directory, and copies into it every pending record that can be read; what
     * cannot be read stays in the moved files, and is reported by {@link #setAside()}.
     */
    private static ChronicleSpool setDamageAside(ChronicleSpool damaged, long maxBytes,
                                                 net.openhft.chronicle.core.time.TimeProvider clock, DiskSpace space) {
        Path dir = damaged.dir;
        long lost = damaged.unreachableRecords;
        String where = "index " + Long.toHexString(damaged.firstUnreachable);
        damaged.close();
        Path aside = dir.resolve("damaged-" + SET_ASIDE_NAMES.format(Instant.now()));
        try {
            Files.createDirectory(aside);
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(SingleChronicleQueue.SUFFIX) || name.endsWith(".cq4t")) {
                        Files.move(f, aside.resolve(name));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new SpoolException("the spool in " + dir + " is damaged (" + lost + " event(s) from " + where
                    + " on cannot be read) and its files could not be moved aside: " + e, e);
        }
        ChronicleSpool fresh = openAsIs(dir, maxBytes, clock, space);
        SingleChronicleQueue old = openQueue(aside, maxBytes, clock);
        try {
            fresh.copyPendingFrom(old);
        } finally {
            old.close();
        }
        fresh.setAside = "the spool in " + dir + " was damaged: " + lost + " event(s) from " + where
                + " on could not be read and are counted as dropped (spoolError); the " + fresh.pendingRecords
                + " event(s) before the damage are shipped; the damaged files are kept in " + aside
                + " (the spool tool reads them)";
        fresh.setAsideLost = lost;
        return fresh;
    }

    private static final DateTimeFormatter SET_ASIDE_NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Appends the pending records of another queue, as they are, until reading stops. */
    private void copyPendingFrom(SingleChronicleQueue old) {
        synchronized (lock) {
            try (LongValue oldCommitted = old.indexForId(COMMITTED_ID);
                 ExcerptTailer tailer = old.createTailer()) {
                positionAfter(tailer, oldCommitted.getVolatileValue());
                byte[] buffer = new byte[4096];
                while (true) {
                    try (DocumentContext dc = tailer.readingDocument()) {
                        if (!dc.isPresent()) {
                            break;
                        }
                        Bytes<?> bytes = dc.wire().bytes();
                        int size = (int) bytes.readRemaining();
                        if (buffer.length < size) {
                            buffer = new byte[Math.max(size, buffer.length * 2)];
                        }
                        bytes.read(buffer, 0, size);
                        if (!space.hasRoomFor(size)) {
                            throw new SpoolException("no room on the filesystem of the spool in " + dir
                                    + " to copy the readable events out of its damaged files", null);
                        }
                        try (DocumentContext out = appender.writingDocument()) {
                            out.wire().bytes().write(buffer, 0, size);
                        }
                        pendingBytes += size;
                        pendingRecords++;
                    }
                }
            }
        }
    }

    /** What opening found damaged and set aside, for the status channel; null when nothing was. */
    String setAside() {
        return setAside;
    }

    /** How many events the damage set aside at opening made unreadable. */
    long setAsideLost() {
        return setAsideLost;
    }

    /** From now on, what this spool writes is synced to the disk as {@code sync} says. */
    void syncWith(SpoolSync sync) {
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
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().write(scratch.array(), 0, size);
            } catch (RuntimeException | Error e) { // NOPMD: a fault in a mapped file surfaces as InternalError
                damage = "a write to the spool in " + dir + " failed part-way (" + e + "); its file may be damaged, "
                        + "so this process writes no more to it";
                throw new SpoolException(damage, e);
            }
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
            try (DocumentContext dc = reader.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                Bytes<?> bytes = dc.wire().bytes();
                int size = (int) bytes.readRemaining();
                if (scratch.capacity() < size) {
                    scratch = ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2));
                }
                bytes.read(scratch.array(), 0, size);
                scratch.clear().limit(size);
                try {
                    readCodec.decode(scratch, into);
                } catch (RuntimeException e) {
                    // The record's own bytes are damaged; the queue around it is fine. Hand it out
                    // as damaged so it is counted and committed in order, and go on with the next.
                    into.damage = "the record at index " + Long.toHexString(dc.index()) + " of the spool in " + dir
                            + " could not be read (" + e.getMessage() + ")";
                    into.timestampMillis = 0;
                }
                into.position = dc.index();
                readLog.add(into.position, size, into.timestampMillis);
                return true;
            }
        }
    }

    @Override
    public void commit(long position) {
        synchronized (lock) {
            long last = NONE;
            while (!readLog.isEmpty() && readLog.headPosition() <= position) {
                last = readLog.headPosition();
                pendingBytes -= readLog.headSize();
                pendingRecords--;
                readLog.removeHead();
            }
            if (last != NONE && last > committed.getVolatileValue()) {
                committed.setOrderedValue(last);
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
            try (DocumentContext dc = peeker.readingDocument()) {
                if (!dc.isPresent()) {
                    return 0;
                }
                long freed = dc.wire().bytes().readRemaining();
                committed.setOrderedValue(dc.index());
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
            try (DocumentContext dc = peeker.readingDocument()) {
                if (!dc.isPresent()) {
                    return -1;
                }
                Bytes<?> bytes = dc.wire().bytes();
                int size = SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES;
                bytes.read(scratch.array(), 0, size);
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
            queue.close();
        }
        sync.syncNow(dir);
    }

    /** Moves a tailer to the first record after the committed one. */
    private void positionAfterCommitted(ExcerptTailer tailer) {
        positionAfter(tailer, committed.getVolatileValue());
    }

    /** Moves a tailer to the first record after the one at index {@code c}, or to the start when there is none. */
    private static void positionAfter(ExcerptTailer tailer, long c) {
        if (c <= NONE || !tailer.moveToIndex(c)) {
            tailer.toStart();
            return;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            // Skips the committed record itself.
            dc.isPresent();
        }
    }

    /** Deletes the files before the one that holds the committed record: everything in them is shipped. */
    private void deleteCommittedFiles() {
        long c = committed.getVolatileValue();
        if (c <= NONE) {
            return;
        }
        int cycle = ROLL_CYCLE.toCycle(c);
        String current = fileNameOf(cycle);
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(SingleChronicleQueue.SUFFIX));
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
    static String fileNameOf(int cycle) {
        return CYCLE_NAMES.format(Instant.ofEpochMilli((long) cycle * ROLL_CYCLE.lengthInMillis()))
                + SingleChronicleQueue.SUFFIX;
    }

    private static final DateTimeFormatter CYCLE_NAMES = DateTimeFormatter.ofPattern(ROLL_CYCLE.format())
            .withZone(ZoneOffset.UTC);

    /** Makes each queue file owner-only as Chronicle acquires it. */
    private static final class OwnerOnlyFiles implements StoreFileListener {
        @Override
        public void onAcquired(int cycle, File file) {
            SpoolDirectory.ownerOnly(file.toPath());
        }

        @Override
        public void onReleased(int cycle, File file) {
            // Deletion is driven by the committed position, not by release.
        }
    }
}
