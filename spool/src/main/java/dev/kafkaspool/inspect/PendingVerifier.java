package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.spool.chronicle.DamagedFiles;
import dev.kafkaspool.engine.spool.chronicle.QueueFiles;
import dev.kafkaspool.engine.spool.chronicle.SpoolLedger;
import java.nio.file.Path;

/**
 * Reads every pending record with the inspection's cursor and decodes each, for
 * {@link SpoolInspection#verify()}; also checks that reading ended where the queue's index says the
 * last record is, and found as many records as the spool counted.
 *
 * <p><b>Not thread-safe</b>: one per {@link SpoolInspection}.
 */
final class PendingVerifier {
    private final Path dir;
    private final QueueFiles queue;
    private final QueueFiles.StoredLong committed;
    private final QueueFiles.Cursor tailer;
    private final RecordCheck check;

    PendingVerifier(Path dir, QueueFiles queue, QueueFiles.StoredLong committed, QueueFiles.Cursor tailer,
                    RecordCheck check) {
        this.dir = dir;
        this.queue = queue;
        this.committed = committed;
        this.tailer = tailer;
        this.check = check;
    }

    /** Verifies from the first pending record; {@code rewind} goes back to it, before and after. */
    SpoolVerification verify(Runnable rewind) {
        rewind.run();
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
                check.copy(b);
            } catch (RuntimeException | Error e) { // NOPMD: a damaged mapped file surfaces as InternalError
                if (first == null) {
                    first = "cannot read past " + RecordPlaces.place(index, offset, records + 1) + ": " + e;
                }
                damaged++;
                break;
            }
            records++;
            lastIndex = index;
            String problem = check.decodeProblem();
            if (problem != null) {
                damaged++;
                if (first == null) {
                    first = RecordPlaces.place(index, offset, records) + ": " + problem;
                }
            }
        }
        rewind.run();
        if (first == null && counted > records) {
            first = "the spool counted " + counted + " unshipped event(s), but " + records + " can be read: "
                    + (counted - records) + " were in spool files that are missing or were cut short (spool files: "
                    + DamagedFiles.names(dir) + ")";
        }
        return new SpoolVerification(records, damaged, first);
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
        String after = lastIndexRead < 0 ? "the committed position" : RecordPlaces.describe(lastIndexRead);
        return "reading stops after " + after + ", but the queue's index goes on to " + RecordPlaces.describe(last)
                + ": the records between cannot be read (file damaged or cut short)";
    }
}
