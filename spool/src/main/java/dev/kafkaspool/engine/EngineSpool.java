package dev.kafkaspool.engine;

import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.config.ValueParsers;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.FailoverSpool;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import dev.kafkaspool.engine.spool.chronicle.SpoolSync;

/**
 * The engine's spool, opened at its start: the disk spool in the spool directory (failing over to
 * memory should the disk fail later), or a memory spool when the disk spool cannot be opened; the
 * parked topics beside it; and the cap on both ({@link CappedSpool}).
 */
final class EngineSpool {
    /** The most a memory spool holds when the disk spool is not available. */
    static final long MEMORY_SPOOL_MAX_BYTES = 32L << 20;

    /** The spool directory, held by this process; null when the spool is in memory. */
    final SpoolDirectory directory;
    final CappedSpool spool;

    private EngineSpool(SpoolDirectory directory, CappedSpool spool) {
        this.directory = directory;
        this.spool = spool;
    }

    /** Opens the spool; never fails: when the disk spool cannot be opened, events are spooled in memory. */
    static EngineSpool open(SpoolConfig config, EngineCounters counters, ProblemReporter problems, Ticker ticker) {
        SpoolDirectory dir = null;
        Spool s;
        try {
            dir = SpoolDirectory.acquire(config.spoolDir());
            if (!dir.path().equals(config.spoolDir().toAbsolutePath())) {
                problems.info("spoolDir " + config.spoolDir() + " is shared with other users (a Kubernetes "
                        + "emptyDir or a group-writable volume): the spool keeps its files in " + dir.path()
                        + ", which only this user may read or write");
            }
            ChronicleSpool disk = ChronicleSpool.open(dir.path(), config.maxBytes(), ticker::millis,
                    DiskSpace.of(dir.path()));
            disk.syncWith(new SpoolSync(config.syncInterval(), ticker, counters, problems));
            if (disk.openingDamage() != null) {
                counters.dropped(DropReason.SPOOL_ERROR, disk.openingLost());
                problems.warn(disk.openingDamage(), null);
            }
            s = new FailoverSpool(disk, Math.min(config.maxBytes(), MEMORY_SPOOL_MAX_BYTES), problems, ticker);
        } catch (SpoolException e) {
            if (dir != null) {
                dir.close();
                dir = null;
            }
            long memoryCap = Math.min(config.maxBytes(), MEMORY_SPOOL_MAX_BYTES);
            problems.warn(e.getMessage() + "; events Kafka cannot take are kept in memory instead (up to "
                    + ValueParsers.formatSize(memoryCap) + ") and are lost if the process stops", e.getCause());
            s = new MemorySpool("the disk spool is not available");
        }
        long maxBytes = s instanceof MemorySpool ? Math.min(config.maxBytes(), MEMORY_SPOOL_MAX_BYTES)
                : config.maxBytes();
        ParkedTopics parked = new ParkedTopics(s instanceof MemorySpool ? null : dir.path(), config.maxBytes(), problems,
                ticker);
        parked.reopen();
        CappedSpool spool = new CappedSpool(s, parked, maxBytes, config, counters, ticker, problems);
        if (s.pendingEvents() > 0) {
            problems.info("the spool holds " + s.pendingEvents() + " event(s) (" + s.pendingBytes()
                    + " bytes) from an earlier run; they are shipped first");
        }
        return new EngineSpool(dir, spool);
    }
}
