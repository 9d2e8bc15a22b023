package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.chronicle.ChronicleDefaults;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DamagedFiles;
import dev.kafkaspool.engine.spool.chronicle.QueueFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a spool directory (a {@code spoolDir}, or the owner-only directory the engine keeps inside
 * a shared one) without changing it, also while the process that owns it runs: what it
 * holds ({@link #summary()}), its pending events one by one ({@link #nextPending()}), and whether
 * every pending record decodes ({@link #verify()}). The queue is opened read-only; the
 * directory's ownership lock is not taken and no file is created or deleted.
 *
 * <p>Pending means after the committed position: not yet acknowledged by Kafka. While the owner
 * runs, each call sees a snapshot; events acknowledged meanwhile may still be read.
 *
 * <p>{@code SummaryScan} makes the summary, {@code PendingVerifier} the verification, and
 * {@code RecordCheck} decodes each record read.
 *
 * <p><b>Not thread-safe</b>: use one instance from one thread at a time.
 */
public final class SpoolInspection implements AutoCloseable {
    /** Chronicle's metadata file, which also holds the committed position: every spool has one. */
    public static final String METADATA_FILE = QueueFiles.METADATA_FILE;

    private final Path dir;
    private final QueueFiles queue;
    private final QueueFiles.StoredLong committed;
    /** Files that cannot be read as they are (see {@link DamagedFiles}), found before the queue was opened. */
    private final List<String> damagedFiles;
    private final QueueFiles.Cursor tailer;
    private final RecordCheck check = new RecordCheck();
    private final PendingVerifier verifier;
    private long readSinceRewind;

    private SpoolInspection(Path dir, QueueFiles queue, QueueFiles.StoredLong committed, List<String> damagedFiles) {
        this.dir = dir;
        this.queue = queue;
        this.committed = committed;
        this.damagedFiles = damagedFiles;
        this.tailer = queue.cursor();
        this.verifier = new PendingVerifier(dir, queue, committed, tailer, check);
        rewind();
    }

    /**
     * Opens the spool in {@code dir} read-only.
     *
     * @throws SpoolNotReadableException when the directory is missing or unreadable, holds no spool,
     *     or Chronicle Queue cannot open it (the message then names the missing JVM flags)
     */
    public static SpoolInspection open(Path dir) {
        Path absolute = SpoolDirectory.filesOf(dir.toAbsolutePath().normalize());
        if (!Files.isDirectory(absolute)) {
            throw new SpoolNotReadableException("no such directory: " + absolute, null);
        }
        if (!Files.isReadable(absolute) || !Files.isExecutable(absolute)) {
            throw new SpoolNotReadableException("cannot read directory " + absolute
                    + ": permission denied (spool directories are owner-only; run as the user that owns it)", null);
        }
        List<String> damaged;
        try {
            damaged = DamagedFiles.find(absolute);
        } catch (IOException e) {
            throw new SpoolNotReadableException("cannot read the files in " + absolute + ": " + e, e);
        }
        if (DamagedFiles.metadataAmong(damaged)) {
            throw new SpoolNotReadableException("the spool in " + absolute + " is damaged: " + String.join("; ", damaged)
                    + "; its committed position is lost (the next engine on it sets the damaged files aside and "
                    + "ships every event its spool files hold, shipped ones again); spool files: "
                    + DamagedFiles.names(absolute), null);
        }
        if (!Files.isRegularFile(absolute.resolve(METADATA_FILE))) {
            throw new SpoolNotReadableException(absolute + " is not a spool directory: it has no " + METADATA_FILE
                    + " (is it the spoolDir of a kafka-spool appender?)", null);
        }
        ChronicleDefaults.apply();
        QueueFiles queue;
        try {
            queue = QueueFiles.openReadOnly(absolute);
        } catch (Throwable e) { // NOPMD: missing JVM flags surface as errors from Chronicle's class setup
            throw new SpoolNotReadableException("cannot open the spool in " + absolute + ChronicleDefaults.hintFor(e), e);
        }
        try {
            return new SpoolInspection(absolute, queue, queue.storedLong(ChronicleSpool.COMMITTED_ID), damaged);
        } catch (RuntimeException | Error e) {
            queue.close();
            throw new SpoolNotReadableException("cannot read the spool in " + absolute + ": " + e, e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * The stores of the spool's parked topics ({@code parked/<topic>/}: topics Kafka did not take
     * while it took the others), sorted by topic; each opens with {@link #open}. Empty when none.
     */
    public List<Path> parkedStores() {
        Path root = dir.resolve(ParkedTopics.DIRECTORY);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().collect(java.util.stream.Collectors.toList());
        } catch (IOException e) {
            throw new SpoolNotReadableException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every pending record to count them and find their times. Undecodable records are
     * counted too; {@link #verify()} says where they are.
     */
    public SpoolSummary summary() {
        return SummaryScan.summarize(dir, queue, committed);
    }

    /**
     * The next pending event, or null after the last one. The first call after {@link #open} or
     * {@link #rewind()} returns the first event after the committed position.
     *
     * @throws SpoolDamagedException when the next record cannot be read or decoded
     */
    public SpooledEvent nextPending() {
        long index = -1;
        long offset = -1;
        try (QueueFiles.Document b = tailer.next()) {
            if (!b.isPresent()) {
                return null;
            }
            index = b.index();
            offset = b.offset();
            check.copy(b);
        } catch (RuntimeException | Error e) { // NOPMD: a damaged mapped file surfaces as InternalError
            throw new SpoolDamagedException("cannot read the spool past " + RecordPlaces.place(index, offset, readSinceRewind + 1)
                    + ": " + e, e);
        }
        readSinceRewind++;
        String problem = check.decodeProblem();
        if (problem != null) {
            throw new SpoolDamagedException("damaged record at " + RecordPlaces.place(index, offset, readSinceRewind) + ": "
                    + problem, null);
        }
        return new SpooledEvent(check.record());
    }

    /** Goes back to the first pending event (the committed position is read again). */
    public void rewind() {
        positionAfterCommitted(tailer);
        readSinceRewind = 0;
    }

    /**
     * Reads every record from the committed position to the end and decodes each; also checks that
     * reading ended where the queue's index says the last record is, and found as many records as
     * the spool counted (a missing file passes unseen otherwise). A spool file that is empty or has
     * no header is reported without reading (Chronicle would wait for its header).
     */
    public SpoolVerification verify() {
        if (!damagedFiles.isEmpty()) {
            return new SpoolVerification(0, damagedFiles.size(), "damaged files: " + String.join("; ", damagedFiles)
                    + " (the next engine on the spool sets them aside and counts the events they held as dropped)");
        }
        return verifier.verify(this::rewind);
    }

    @Override
    public void close() {
        tailer.close();
        committed.close();
        queue.close();
    }

    /** Moves a cursor to the first record after the committed one, as the spool's own reader does. */
    private void positionAfterCommitted(QueueFiles.Cursor t) {
        t.moveAfter(committed.get());
    }
}
