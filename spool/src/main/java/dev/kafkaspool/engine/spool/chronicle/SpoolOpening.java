package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Opening a disk spool: files Chronicle cannot open are set aside first ({@link DamagedFiles}),
 * what the spool holds unshipped is read and counted, a spool that reading in order cannot get
 * through is repaired ({@link SpoolRepair}), and what opening found damaged is kept for the status
 * channel. An instance is what one opening found.
 *
 * <p><b>Not thread-safe</b>: used while the spool opens, before it is shared.
 */
final class SpoolOpening {
    private static final long NONE = 0;

    /** The unshipped records reading in order found, and their bytes. */
    final long records;
    final long bytes;
    /** Reading in order stopped before the queue's end (a damaged file). */
    final boolean stoppedEarly;
    /** Where reading in order stopped: the index of the first record it did not reach. */
    final long firstUnreachable;
    /** Records past the place reading stopped, by Chronicle's index; -1 when unknown. */
    final long unreachableRecords;
    /** The unshipped events the ledger counted at open; -1 when it kept no count. */
    final long countedPending;
    /** What opening found damaged, or null. */
    private String damage;
    private long lost;

    private SpoolOpening(long records, long bytes, boolean stoppedEarly, long firstUnreachable,
                         long unreachableRecords, long countedPending) {
        this.records = records;
        this.bytes = bytes;
        this.stoppedEarly = stoppedEarly;
        this.firstUnreachable = firstUnreachable;
        this.unreachableRecords = unreachableRecords;
        this.countedPending = countedPending;
    }

    /** See {@link ChronicleSpool#open(Path, long, LongSupplier, DiskSpace)}. */
    static ChronicleSpool open(Path dir, long maxBytes, LongSupplier clock, DiskSpace space) {
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
        if (spool.opening().stoppedEarly) {
            spool = SpoolRepair.setDamageAside(spool, maxBytes, clock, space);
        } else {
            spool.opening().countMissing(dir, spool.pendingEvents());
        }
        if (!damagedFiles.isEmpty()) {
            spool.opening().addDamage(SpoolRepair.describeDamagedFiles(dir, damagedFiles, filesAside), 0);
        }
        spool.createCurrentFile();
        return spool;
    }

    /** Opens the spool in {@code dir} as its files are, and reads what it holds. */
    static ChronicleSpool openAsIs(Path dir, long maxBytes, LongSupplier clock, DiskSpace space) {
        QueueFiles queue = QueueFiles.open(dir, maxBytes, clock);
        try {
            ChronicleSpool spool = new ChronicleSpool(dir, queue, maxBytes, space);
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

    /**
     * Reads the records after the committed one with {@code peeker}, which is there: counts them,
     * refuses a spool written in a newer record format, finds whether reading stops before the
     * queue's end, and starts the ledger's count when it does not.
     */
    static SpoolOpening read(Path dir, QueueFiles queue, QueueFiles.Cursor peeker, SpoolLedger ledger) {
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
        // Reading stops at the first place it cannot go on from (e.g. zeros where a record was).
        // Records the queue holds past that place cannot be reached by reading in order.
        long reached = peeker.index();
        boolean stoppedEarly;
        long unreachableRecords;
        try {
            long last = queue.lastIndex();
            stoppedEarly = readingFailed || last >= reached && last > NONE;
            unreachableRecords = stoppedEarly ? queue.countExcerpts(reached, last) + 1 : 0;
        } catch (RuntimeException | Error e) { // NOPMD: Chronicle's index of a file cut short can fail any way
            stoppedEarly = true;
            unreachableRecords = -1;
        }
        long countedPending = ledger.known() ? ledger.pending() : -1;
        if (!stoppedEarly) {
            // From here on the count is what can be read (a damaged spool is counted as it is copied).
            ledger.start(records);
        }
        return new SpoolOpening(records, bytes, stoppedEarly, reached, unreachableRecords, countedPending);
    }

    /**
     * Reading in order found fewer events than the ledger counted: files in the middle are missing
     * or the last one was cut short, and reading passes over that without a sign.
     */
    void countMissing(Path dir, long pendingEvents) {
        if (countedPending > pendingEvents) {
            lost = countedPending - pendingEvents;
            damage = "the spool in " + dir + " holds " + pendingEvents + " readable unshipped event(s), but "
                    + "it had counted " + countedPending + ": " + lost + " event(s) were in spool files that "
                    + "are missing or were cut short, and are counted as dropped (spoolError); its spool files are: "
                    + DamagedFiles.names(dir);
        }
    }

    /** Adds to what opening found damaged: a message, and how many events it made unreadable. */
    void addDamage(String message, long unreadable) {
        damage = damage == null ? message : message + ". " + damage;
        lost += unreadable;
    }

    /** What opening found damaged, for the status channel; null when nothing was. */
    String damage() {
        return damage;
    }

    /** How many events the damage found at opening made unreadable, counted as dropped. */
    long lost() {
        return lost;
    }
}
