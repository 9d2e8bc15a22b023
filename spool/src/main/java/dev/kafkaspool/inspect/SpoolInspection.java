package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import dev.kafkaspool.engine.spool.chronicle.ChronicleDefaults;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DamagedFiles;
import dev.kafkaspool.engine.spool.chronicle.QueueFiles;
import dev.kafkaspool.engine.spool.chronicle.SpoolLedger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p><b>Not thread-safe</b>: use one instance from one thread at a time.
 */
public final class SpoolInspection implements AutoCloseable {
    /** Chronicle's metadata file, which also holds the committed position: every spool has one. */
    public static final String METADATA_FILE = "metadata.cq4t";
    private static final long NONE = 0;

    private final Path dir;
    private final QueueFiles queue;
    private final QueueFiles.StoredLong committed;
    /** Files that cannot be read as they are (see {@link DamagedFiles}), found before the queue was opened. */
    private final List<String> damagedFiles;
    private final QueueFiles.Cursor tailer;
    private final SpoolRecordCodec codec = SpoolRecordCodec.create();
    private final SpoolRecord record = new SpoolRecord();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);
    private long readSinceRewind;

    private SpoolInspection(Path dir, QueueFiles queue, QueueFiles.StoredLong committed, List<String> damagedFiles) {
        this.dir = dir;
        this.queue = queue;
        this.committed = committed;
        this.damagedFiles = damagedFiles;
        this.tailer = queue.cursor();
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
        Map<String, Long> files = fileSizes();
        long count = 0;
        long bytes = 0;
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        String problem = null;
        byte[] prefix = new byte[SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES];
        try (QueueFiles.Cursor scan = queue.cursor()) {
            positionAfterCommitted(scan);
            while (true) {
                try (QueueFiles.Document b = scan.next()) {
                    if (!b.isPresent()) {
                        break;
                    }
                    long size = b.size();
                    count++;
                    bytes += size;
                    if (size >= SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES) {
                        b.read(prefix, prefix.length);
                        long t = SpoolRecordCodec.timestampOf(ByteBuffer.wrap(prefix), 0);
                        oldest = Math.min(oldest, t);
                        newest = Math.max(newest, t);
                    }
                } catch (RuntimeException | Error e) { // NOPMD: a damaged mapped file surfaces as InternalError
                    problem = "reading stopped after " + count + " record(s): " + e;
                    break;
                }
            }
        }
        return new SpoolSummary(dir, files, count, bytes, count == 0 ? null : Instant.ofEpochMilli(oldest),
                count == 0 ? null : Instant.ofEpochMilli(newest), readPosition(), problem);
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
            copy(b);
        } catch (RuntimeException | Error e) { // NOPMD: a damaged mapped file surfaces as InternalError
            throw new SpoolDamagedException("cannot read the spool past " + place(index, offset, readSinceRewind + 1)
                    + ": " + e, e);
        }
        readSinceRewind++;
        String problem = decodeProblem();
        if (problem != null) {
            throw new SpoolDamagedException("damaged record at " + place(index, offset, readSinceRewind) + ": "
                    + problem, null);
        }
        return new SpooledEvent(record);
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
        rewind();
        // After the committed position, which its owner moves only after lowering the count, and
        // before reading: records appended meanwhile are read, never counted as missing.
        long counted = countedPending();
        long records = 0;
        long damaged = 0;
        String first = null;
        long lastIndex = -1;
        while (true) {
            long index = -1;
            long offset = -1;
            try (QueueFiles.Document b = tailer.next()) {
                if (!b.isPresent()) {
                    String ending = endingProblem(lastIndex);
                    if (ending != null && first == null) {
                        first = ending;
                    }
                    break;
                }
                index = b.index();
                offset = b.offset();
                copy(b);
            } catch (RuntimeException | Error e) { // NOPMD: a damaged mapped file surfaces as InternalError
                if (first == null) {
                    first = "cannot read past " + place(index, offset, records + 1) + ": " + e;
                }
                damaged++;
                break;
            }
            records++;
            lastIndex = index;
            String problem = decodeProblem();
            if (problem != null) {
                damaged++;
                if (first == null) {
                    first = place(index, offset, records) + ": " + problem;
                }
            }
        }
        rewind();
        if (first == null && counted > records) {
            first = "the spool counted " + counted + " unshipped event(s), but " + records + " can be read: "
                    + (counted - records) + " were in spool files that are missing or were cut short (spool files: "
                    + DamagedFiles.names(dir) + ")";
        }
        return new SpoolVerification(records, damaged, first);
    }

    @Override
    public void close() {
        tailer.close();
        committed.close();
        queue.close();
    }

    /** The unshipped events the spool counted (see {@link SpoolLedger}); -1 when it kept no count. */
    private long countedPending() {
        try (SpoolLedger ledger = SpoolLedger.of(queue)) {
            return ledger.known() ? ledger.pending() : -1;
        } catch (RuntimeException e) {
            return -1; // a spool of a version that kept no count, opened read-only
        }
    }

    /** Reading stopped: is that the queue's real end? Null when it is. */
    private String endingProblem(long lastIndexRead) {
        long last = queue.lastIndex();
        if (last <= lastIndexRead || last < 0) {
            return null;
        }
        long c = committed.get();
        if (lastIndexRead < 0 && last <= c) {
            return null;
        }
        // The owner may have appended since; look once more before calling it damage.
        try (QueueFiles.Document next = tailer.next()) {
            if (next.isPresent()) {
                next.unread();
                return null;
            }
        }
        String after = lastIndexRead < 0 ? "the committed position" : describe(lastIndexRead);
        return "reading stops after " + after + ", but the queue's index goes on to " + describe(last)
                + ": the records between cannot be read (file damaged or cut short)";
    }

    private void copy(QueueFiles.Document b) {
        scratch = b.readInto(scratch);
    }

    /** Decodes the record in scratch into {@link #record}; returns what is wrong with it, or null. */
    private String decodeProblem() {
        int size = scratch.limit();
        if (size < SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES + 1) {
            return "record of " + size + " bytes is too short";
        }
        byte level = scratch.get(SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES);
        if (level < 0 || level >= LogLevel.values().length) {
            return "unknown level code " + level;
        }
        try {
            codec.decode(scratch, record);
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (scratch.hasRemaining()) {
            return scratch.remaining() + " byte(s) after the end of the record";
        }
        return null;
    }

    private String readPosition() {
        long c = committed.get();
        return c <= NONE ? "none (nothing acknowledged yet: reading starts at the first record)" : describe(c);
    }

    /** A record's place: its file, its number in the file, and its queue index. */
    private static String describe(long index) {
        return ChronicleSpool.fileNameOf(ChronicleSpool.ROLL_CYCLE.toCycle(index)) + " record #"
                + ChronicleSpool.ROLL_CYCLE.toSequenceNumber(index) + " (index 0x" + Long.toHexString(index) + ")";
    }

    private static String place(long index, long offset, long pendingNumber) {
        String where = index < 0 ? "the record" : describe(index);
        return "pending record " + pendingNumber + ", " + where + (offset < 0 ? "" : " at byte offset " + offset);
    }

    private Map<String, Long> fileSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> sizes.put(p.getFileName().toString(), sizeOf(p)));
        } catch (IOException e) {
            throw new SpoolNotReadableException("cannot list " + dir + ": " + e, e);
        }
        return sizes;
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // deleted by the owner meanwhile
        }
    }

    /** Moves a cursor to the first record after the committed one, as the spool's own reader does. */
    private void positionAfterCommitted(QueueFiles.Cursor t) {
        t.moveAfter(committed.get());
    }
}
