package dev.kafkaspool.engine.spool;

import dev.kafkaspool.config.ValueParsers;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * The disk spool, with a memory spool behind it for while the disk cannot take writes (its
 * filesystem is full, or a write failed). Records then go to memory, after everything already on
 * disk, so order is kept: the reader finishes the disk records first. The disk is tried again at
 * most once a second: the memory records move to it first (unless the shipper is sending some of
 * them), and new records follow them there.
 *
 * <p>Positions of memory records carry {@link #MEMORY_TAG}, so {@link #commit} knows which spool a
 * position belongs to.
 *
 * <p><b>Thread-safe</b>, with two locks, taken before the inner spools' locks: appends take the
 * writer's lock, and the shipper's reads, commits, rewinds and drops take the reader's, so that
 * neither waits for the other (the disk spool's locks are split the same way). Moving the memory
 * records to disk takes both, the writer's first.
 */
public final class FailoverSpool implements Spool {
    static final long MEMORY_TAG = 1L << 62;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long NONE = -1;

    /** Taken by appends, and first when both are taken. */
    private final Object writeLock = new Object();
    /** Taken by the shipper's reads, commits, rewinds and drops. */
    private final Object lock = new Object();
    private final Spool disk;
    private final MemorySpool memory;
    private final long memoryMaxBytes;
    private final ProblemReporter problems;
    private final Ticker ticker;
    /** Why the disk takes no writes now; null while it does. */
    private volatile String diskFailure;
    private long retryDiskAtNanos;
    /** The disk could not be read past some record: only a new process can read the rest. Reader's. */
    private volatile boolean diskUnreadable;
    /** The last disk record read and not committed, committed once a memory record is. */
    private long lastDiskRead = NONE;
    private final SpoolRecord copy = new SpoolRecord();
    private final EncodedEvent copyEvent = new EncodedEvent();

    public FailoverSpool(Spool disk, long memoryMaxBytes, ProblemReporter problems, Ticker ticker) {
        this.disk = disk;
        this.memory = new MemorySpool("the disk spool cannot take writes");
        this.memoryMaxBytes = memoryMaxBytes;
        this.problems = problems;
        this.ticker = ticker;
    }

    @Override
    public String degradation() {
        String failure = diskFailure;
        if (failure != null) {
            return failure + "; events waiting for Kafka are kept in memory and lost if the process stops";
        }
        return diskUnreadable ? "part of the disk spool could not be read; it stays on disk for the next process"
                : null;
    }

    @Override
    public int storedSize(EncodedEvent event) {
        return disk.storedSize(event);
    }

    @Override
    public void append(long instanceId, EncodedEvent event) {
        synchronized (writeLock) {
            if (diskFailure == null || ticker.nanos() - retryDiskAtNanos >= 0 && memoryMovedToDiskLocked()) {
                try {
                    disk.append(instanceId, event);
                    diskRecovered();
                    return;
                } catch (SpoolException e) {
                    diskFailed(e);
                }
            }
            if (memory.pendingBytes() + memory.storedSize(event) > memoryMaxBytes) {
                throw new SpoolException("the disk spool cannot take writes (" + diskFailure + ") and the "
                        + ValueParsers.formatSize(memoryMaxBytes) + " kept in memory instead are full", null);
            }
            memory.append(instanceId, event);
        }
    }

    /** {@link #memoryMovedToDisk()}, under the writer's lock, taking the reader's. */
    private boolean memoryMovedToDiskLocked() {
        synchronized (lock) {
            return memoryMovedToDisk();
        }
    }

    /**
     * Moves the memory records to disk, oldest first, so new records can follow them there. Not
     * while the shipper has memory records in flight: their positions must stay valid. Under both
     * locks.
     *
     * @return true when memory is empty now
     */
    private boolean memoryMovedToDisk() {
        if (memory.pendingEvents() == 0) {
            return true;
        }
        if (memory.readRecords() > 0) {
            retryDiskAtNanos = ticker.nanos() + RETRY_NANOS;
            return false;
        }
        try {
            while (memory.read(copy)) {
                copy.copyTo(copyEvent);
                disk.append(copy.instanceId, copyEvent);
                memory.commit(copy.position);
            }
            return true;
        } catch (SpoolException e) {
            // The record that did not fit stays first in memory, behind those now on disk.
            memory.rewind();
            diskFailed(e);
            return false;
        }
    }

    private void diskFailed(SpoolException e) {
        retryDiskAtNanos = ticker.nanos() + RETRY_NANOS;
        if (diskFailure == null) {
            diskFailure = e.getMessage();
            problems.warn(diskFailure + "; events Kafka cannot take now are kept in memory (up to "
                    + ValueParsers.formatSize(memoryMaxBytes) + ", lost if the process stops) until the disk "
                    + "spool takes writes again", e.getCause());
        }
    }

    private void diskRecovered() {
        if (diskFailure != null) {
            diskFailure = null;
            problems.info("the disk spool takes writes again");
        }
    }

    @Override
    public boolean read(SpoolRecord into) {
        synchronized (lock) {
            return readUnderLock(into);
        }
    }

    /** See {@link Spool#read(SpoolRecord[])}: the lock, which logging threads take to append, is taken once. */
    @Override
    public int read(SpoolRecord[] into) {
        synchronized (lock) {
            int n = 0;
            while (n < into.length && readUnderLock(into[n])) {
                n++;
            }
            return n;
        }
    }

    private boolean readUnderLock(SpoolRecord into) {
        // Seen before the disk is read: a memory record is appended after every disk record
        // before it, so once one is seen, the disk read below sees those disk records.
        boolean memoryHasRecords = memory.pendingBytes() > 0; // volatile, raised after the append
        if (!diskUnreadable) {
            try {
                if (disk.read(into)) {
                    lastDiskRead = into.position;
                    return true;
                }
            } catch (RuntimeException e) {
                diskUnreadable = true;
                problems.warn("cannot read the disk spool past its last readable record (" + e + "); "
                        + disk.pendingEvents() + " event(s) stay on disk for the next process to ship, "
                        + "this one ships what comes after them", e);
            }
        }
        if (!memoryHasRecords || !memory.read(into)) {
            return false;
        }
        into.position |= MEMORY_TAG;
        return true;
    }

    @Override
    public void commit(long position) {
        synchronized (lock) {
            if ((position & MEMORY_TAG) == 0) {
                disk.commit(position);
                return;
            }
            if (lastDiskRead != NONE) {
                disk.commit(lastDiskRead);
                lastDiskRead = NONE;
            }
            memory.commit(position & ~MEMORY_TAG);
        }
    }

    @Override
    public void rewind() {
        synchronized (lock) {
            lastDiskRead = NONE;
            disk.rewind();
            memory.rewind();
        }
    }

    @Override
    public long dropOldest() {
        synchronized (lock) {
            // Not asked whether the disk holds records: its count is raised just after a write.
            long freed = !diskUnreadable ? disk.dropOldest() : 0;
            return freed > 0 ? freed : memory.dropOldest();
        }
    }

    @Override
    public long pendingBytes() {
        // Without the lock: asked by every log call in disk durability; each spool's count is volatile.
        return disk.pendingBytes() + memory.pendingBytes();
    }

    @Override
    public long pendingEvents() {
        return disk.pendingEvents() + memory.pendingEvents();
    }

    @Override
    public long oldestTimestampMillis() {
        synchronized (lock) {
            long onDisk = disk.oldestTimestampMillis();
            return onDisk >= 0 ? onDisk : memory.oldestTimestampMillis();
        }
    }

    /** Moves the memory records to disk, in order, if the disk takes them now. */
    @Override
    public long persist() {
        synchronized (writeLock) {
            synchronized (lock) {
                memory.rewind();
                if (memory.pendingEvents() > 0 && memoryMovedToDisk()) {
                    diskRecovered();
                }
                return memory.pendingEvents();
            }
        }
    }

    @Override
    public void maintain() {
        disk.maintain();
    }

    @Override
    public String description() {
        return diskFailure == null ? disk.description() : memory.description();
    }

    @Override
    public void close() {
        disk.close();
    }
}
