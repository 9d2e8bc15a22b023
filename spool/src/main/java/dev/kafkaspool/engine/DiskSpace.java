package dev.kafkaspool.engine;

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
 * <p>Asking the filesystem costs a system call, so the answer is kept as an allowance: half of
 * what is free beyond the reserve, asked again when it is used up and at least once a second
 * (other processes write to the same filesystem). <b>Not thread-safe</b>: the spool calls it under
 * its lock.
 */
final class DiskSpace {
    /** Kept free for Chronicle's own index and file headers, and for other writers. */
    static final long RESERVE_BYTES = 1L << 20;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier usableBytes;
    private final long recheckNanos;
    private long allowance;
    private long checkedAtNanos;
    private long lastUsableBytes;
    private boolean checked;

    private DiskSpace(LongSupplier usableBytes, long recheckNanos) {
        this.usableBytes = usableBytes;
        this.recheckNanos = recheckNanos;
    }

    /** The space of the filesystem that holds {@code dir}. */
    static DiskSpace of(Path dir) {
        return new DiskSpace(() -> {
            try {
                return Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                return 0;
            }
        }, RECHECK_NANOS);
    }

    /** A filesystem whose free space is whatever the supplier says, asked at every write; for tests. */
    static DiskSpace reportedBy(LongSupplier usableBytes) {
        return new DiskSpace(usableBytes, 0);
    }

    /** True when {@code bytes} more can be written and still leave the reserve free. */
    boolean hasRoomFor(long bytes) {
        long now = System.nanoTime();
        if (!checked || allowance < bytes || now - checkedAtNanos >= recheckNanos) {
            lastUsableBytes = usableBytes.getAsLong();
            allowance = Math.max(0, (lastUsableBytes - RESERVE_BYTES) / 2);
            checkedAtNanos = now;
            checked = true;
        }
        if (allowance < bytes) {
            return false;
        }
        allowance -= bytes;
        return true;
    }

    /** What the filesystem reported at the last check, for messages. */
    long lastUsableBytes() {
        return lastUsableBytes;
    }
}
