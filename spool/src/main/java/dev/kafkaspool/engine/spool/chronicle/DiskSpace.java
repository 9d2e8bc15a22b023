package dev.kafkaspool.engine.spool.chronicle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the disk spool from filling its filesystem. Chronicle writes through memory-mapped files:
 * a write that the filesystem cannot back faults in the middle of a record, leaves the file
 * damaged and its write lock held. So the spool asks before every write whether the filesystem
 * still has room, and refuses the write while it does not.
 *
 * <p>Asking the filesystem costs a system call (about 100 µs and a few KB of garbage), which a
 * logging thread must not pay. So the answer is kept as an allowance: half of what is free beyond
 * the reserve. The shipper thread asks the filesystem again at least once a second
 * ({@link #refreshIfDue}); a write only takes from the allowance. Only when the allowance is used
 * up, which happens when the filesystem is nearly full, does the writer ask the filesystem itself
 * (and the failover spool then tries the disk at most once a second).
 *
 * <p><b>Thread-safety:</b> {@link #hasRoomFor} is called by one writer at a time (under the
 * spool's lock); {@link #refreshIfDue} by the shipper thread, without that lock.
 */
public final class DiskSpace {
    /** Kept free for Chronicle's own index and file headers, and for other writers. */
    public static final long RESERVE_BYTES = 1L << 20;
    /**
     * The usable space below which nothing is done ahead of the writer ({@link #hasRoomAhead}): the
     * reserve and 16 MiB, four times what {@link PageToucher} touches ahead, so that the writer's
     * allowance (half of what is free beyond the reserve, counted before that work) still fits in
     * what it leaves.
     */
    static final long AHEAD_FLOOR_BYTES = RESERVE_BYTES + (16L << 20);
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier usableBytes;
    private final boolean askOnEveryWrite;
    /** Volatile fields: written by whichever thread asked the filesystem last. */
    private volatile long allowance = -1;
    private volatile long refreshedAtNanos;
    private volatile long lastUsableBytes;

    private DiskSpace(LongSupplier usableBytes, boolean askOnEveryWrite) {
        this.usableBytes = usableBytes;
        this.askOnEveryWrite = askOnEveryWrite;
    }

    /** The space of the filesystem that holds {@code dir}. */
    public static DiskSpace of(Path dir) {
        return new DiskSpace(() -> {
            try {
                return Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                return 0;
            }
        }, false);
    }

    /** A filesystem whose free space is whatever the supplier says, asked as in production; for tests. */
    static DiskSpace askingSometimes(LongSupplier usableBytes) {
        return new DiskSpace(usableBytes, false);
    }

    /** A filesystem whose free space is whatever the supplier says, asked at every write; for tests. */
    public static DiskSpace reportedBy(LongSupplier usableBytes) {
        return new DiskSpace(usableBytes, true);
    }

    /**
     * True when {@code bytes} more can be written and still leave the reserve free; takes them
     * from the allowance.
     */
    boolean hasRoomFor(long bytes) {
        long left = allowance;
        if (askOnEveryWrite || left < bytes) {
            left = ask(System.nanoTime());
        }
        if (left < bytes) {
            return false;
        }
        // A refresh between the read and this write is overwritten: the next write then takes
        // from an allowance that ignores these bytes, which the halving leaves room for.
        allowance = left - bytes;
        return true;
    }

    /** Asks the filesystem again when the last answer is a second old. Called by the shipper thread. */
    void refreshIfDue() {
        long now = System.nanoTime();
        if (!askOnEveryWrite && (allowance < 0 || now - refreshedAtNanos >= REFRESH_NANOS)) {
            ask(now);
        }
    }

    private long ask(long now) {
        long usable = usableBytes.getAsLong();
        long granted = Math.max(0, (usable - RESERVE_BYTES) / 2);
        lastUsableBytes = usable;
        refreshedAtNanos = now;
        allowance = granted;
        return granted;
    }

    /**
     * Whether work done ahead of the writer may take room now: pages touched ({@link PageToucher})
     * and files made or ended early ({@link FileRoll}) take their room on the filesystem before the
     * writer's allowance counts it, so none is done while the filesystem had less than
     * {@link #AHEAD_FLOOR_BYTES} usable at the last check; the writer then keeps its faults and its
     * files roll by time alone. Any thread.
     */
    boolean hasRoomAhead() {
        return lastUsableBytes >= AHEAD_FLOOR_BYTES;
    }

    /** What the filesystem reported at the last check, for messages. */
    long lastUsableBytes() {
        return lastUsableBytes;
    }
}
