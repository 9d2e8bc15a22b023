package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * Forces what the disk spool wrote to the disk at most {@code syncInterval} after it was written,
 * so that a node losing power loses at most the events of the last interval.
 *
 * <p>The spool writes through memory-mapped files: a record is in the page cache once its append
 * returns, which a killed process cannot lose, but the kernel writes it to the disk only when it
 * chooses (on Linux, pages dirty for about 30 s). A sync calls {@code fdatasync} on each spool file
 * written since the last sync, and, when a file was started since then, on the queue's metadata
 * file and on the directory, so that the new file's name is on the disk too. It runs on the
 * shipper thread ({@link ChronicleSpool#maintain()}), without the spool's lock: logging threads
 * never wait for the disk. An interval of zero (setting {@code none}) leaves it to the kernel.
 *
 * <p><b>Thread-safety:</b> {@link #written} is called by the writer, under the spool's lock;
 * {@link #syncIfDue} and {@link #syncNow} by one thread at a time (the shipper, then the stop).
 */
public final class SpoolSync {
    private static final int NO_CYCLE = Integer.MIN_VALUE;
    private static final String METADATA_FILE = QueueFiles.METADATA_FILE;

    private final long intervalNanos;
    private final Ticker ticker;
    private final EngineCounters counters;
    private final ProblemReporter problems;
    /** Cycles written since the last sync, in the order written; guarded by this. */
    private int[] written = new int[4];
    private int writtenCount;
    private long dueNanos;
    /** The last cycle whose file was synced; a different one is a new file. Sync thread only. */
    private int lastSyncedCycle = NO_CYCLE;
    private int[] toSync = new int[4];
    private boolean failing;

    public SpoolSync(Duration interval, Ticker ticker, EngineCounters counters, ProblemReporter problems) {
        this.intervalNanos = interval.toNanos();
        this.ticker = ticker;
        this.counters = counters;
        this.problems = problems;
    }

    /** Never syncs: the kernel writes the spool's pages when it chooses. */
    static SpoolSync none() {
        return new SpoolSync(Duration.ZERO, Ticker.SYSTEM, new EngineCounters(), null);
    }

    /** A record was appended to the file of {@code cycle}. */
    synchronized void written(int cycle) {
        if (intervalNanos <= 0) {
            return;
        }
        if (writtenCount == 0) {
            dueNanos = ticker.nanos() + intervalNanos;
        } else if (written[writtenCount - 1] == cycle) {
            return;
        }
        if (writtenCount == written.length) {
            written = Arrays.copyOf(written, writtenCount * 2);
        }
        written[writtenCount++] = cycle;
    }

    /** Syncs the spool in {@code dir} when a record has waited {@code syncInterval}; cheap otherwise. */
    void syncIfDue(Path dir) {
        int count;
        synchronized (this) {
            if (writtenCount == 0 || ticker.nanos() - dueNanos < 0) {
                return;
            }
            count = takeWritten();
        }
        sync(dir, count);
    }

    /** Syncs now what was written since the last sync, e.g. when the spool closes. */
    void syncNow(Path dir) {
        int count;
        synchronized (this) {
            if (writtenCount == 0) {
                return;
            }
            count = takeWritten();
        }
        sync(dir, count);
    }

    private int takeWritten() {
        if (toSync.length < writtenCount) {
            toSync = new int[written.length];
        }
        System.arraycopy(written, 0, toSync, 0, writtenCount);
        int count = writtenCount;
        writtenCount = 0;
        return count;
    }

    private void sync(Path dir, int count) {
        try {
            boolean newFile = false;
            for (int i = 0; i < count; i++) {
                force(dir.resolve(SpoolFiles.fileNameOf(toSync[i])), false);
                newFile |= toSync[i] != lastSyncedCycle;
                lastSyncedCycle = toSync[i];
            }
            if (newFile) {
                force(dir.resolve(METADATA_FILE), false);
                force(dir, true);
            }
            counters.synced();
            if (failing) {
                failing = false;
                if (problems != null) {
                    problems.info("the disk spool in " + dir + " is synced to the disk again");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!failing && problems != null) {
                failing = true;
                problems.warn("cannot sync the disk spool in " + dir + " to the disk (" + e + "); a node that "
                        + "loses power may lose the events written since the last sync", e);
            }
        }
    }

    /** fdatasync on a file; on a directory, where some systems refuse it, a refusal is ignored. */
    private static void force(Path path, boolean directory) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(false);
        } catch (NoSuchFileException e) {
            // Shipped and deleted since it was written.
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
        }
    }
}
