package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.SpoolException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Opening a disk spool whose spool files reading in order cannot get through (zeros where records
 * were, a file cut short): its files are set aside in a {@code damaged-<time>} directory, every
 * record that can still be read, in that file and the ones after it, is copied into a new queue,
 * and what cannot be read is counted (by the spool's ledger when it kept one) and described for
 * the status channel. Part of {@link ChronicleSpool}.
 *
 * <p><b>Stateless.</b>
 */
public final class SpoolRepair {
    private static final long NONE = 0;

    private SpoolRepair() {
    }

    /**
     * The spool files in {@code damaged.dir} hold records that reading in order cannot reach.
     * Moves every spool file to a {@code damaged-<time>} directory beside them, opens a new queue
     * in the spool directory, and copies into it every pending record that can be read, going on
     * with the next file where reading stops; what cannot be read stays in the moved files, and is
     * counted and reported by {@link ChronicleSpool#openingDamage()}.
     */
    static ChronicleSpool setDamageAside(ChronicleSpool damaged, long maxBytes, LongSupplier clock, DiskSpace space) {
        Path dir = damaged.dir();
        SpoolOpening found = damaged.opening();
        String where = "index " + Long.toHexString(found.firstUnreachable);
        damaged.close();
        Path aside;
        try {
            aside = DamagedFiles.createSetAsideDirectory(dir);
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(QueueFiles.SUFFIX) || name.endsWith(QueueFiles.TABLE_SUFFIX)) {
                        Files.move(f, aside.resolve(name));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new SpoolException("the spool in " + dir + " is damaged (reading stops at " + where
                    + ") and its files could not be moved aside: " + e, e);
        }
        ChronicleSpool fresh = SpoolOpening.openAsIs(dir, maxBytes, clock, space);
        QueueFiles old = QueueFiles.open(aside, maxBytes, clock);
        try {
            copyPending(old, SpoolFiles.cyclesIn(aside), fresh);
        } finally {
            old.close();
        }
        long copied = fresh.pendingEvents();
        long lost;
        if (found.countedPending >= 0) {
            lost = Math.max(0, found.countedPending - copied);
        } else if (found.unreachableRecords >= 0) {
            lost = Math.max(0, found.unreachableRecords - (copied - damaged.pendingEvents()));
        } else {
            lost = -1;
        }
        fresh.opening().addDamage("the spool in " + dir + " was damaged: reading stops at " + where + "; "
                + (lost >= 0 ? lost + " event(s) could not be read and are counted as dropped (spoolError)"
                        : "how many events could not be read cannot be known (its files: " + DamagedFiles.names(aside)
                        + ")")
                + "; the " + copied + " event(s) that can be read are shipped; the damaged files are kept in "
                + aside + " (the spool tool reads them)", Math.max(0, lost));
        return fresh;
    }

    /**
     * Appends the pending records of another queue to {@code fresh}, as they are; where reading
     * stops before the last of {@code cycles}, goes on with the next file.
     */
    static void copyPending(QueueFiles old, List<Integer> cycles, ChronicleSpool fresh) {
        try (QueueFiles.StoredLong oldCommitted = old.storedLong(ChronicleSpool.COMMITTED_ID);
             QueueFiles.Cursor tailer = old.cursor()) {
            long c = oldCommitted.get();
            tailer.moveAfter(c);
            int cycle = c > NONE ? QueueFiles.CYCLES.toCycle(c) : cycles.isEmpty() ? 0 : cycles.get(0);
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (true) {
                int size = -1;
                try (QueueFiles.Document record = tailer.next()) {
                    if (record.isPresent()) {
                        cycle = QueueFiles.CYCLES.toCycle(record.index());
                        buffer = record.readInto(buffer);
                        size = buffer.limit();
                    }
                } catch (RuntimeException | Error e) { // NOPMD: a file cut short surfaces as InternalError
                    size = -1;
                }
                if (size >= 0) {
                    fresh.copy(buffer.array(), size);
                    continue;
                }
                cycle = nextReadableCycle(tailer, cycles, cycle);
                if (cycle < 0) {
                    break;
                }
            }
        }
    }

    /** Moves the tailer to the first record of the first file after {@code cycle} that has one; -1 when none. */
    static int nextReadableCycle(QueueFiles.Cursor tailer, List<Integer> cycles, int cycle) {
        for (int next : cycles) {
            if (next > cycle) {
                try {
                    if (tailer.moveTo(QueueFiles.CYCLES.toIndex(next, 0))) {
                        return next;
                    }
                } catch (RuntimeException | Error e) { // NOPMD: a damaged file can fail any way
                    // Try the one after it.
                }
            }
        }
        return -1;
    }

    /** What {@link DamagedFiles} found and set aside before the queue was opened, for the report. */
    static String describeDamagedFiles(Path dir, List<String> found, Path aside) {
        StringBuilder sb = new StringBuilder("the spool in " + dir + " had damaged files: " + String.join("; ", found));
        if (aside != null) {
            sb.append("; they are kept in ").append(aside);
        }
        if (DamagedFiles.metadataAmong(found)) {
            sb.append("; its metadata file held the committed position and the count of unshipped events, so events "
                    + "shipped before may be shipped again, and how many events went with damaged or missing queue "
                    + "files cannot be known; the spool files read are: ").append(DamagedFiles.names(dir));
        }
        return sb.toString();
    }
}
