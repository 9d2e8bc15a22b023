package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import dev.kafkaspool.engine.spool.chronicle.QueueFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every pending record of a spool, with a cursor of its own, to count them and find their
 * times, for {@link SpoolInspection#summary()}; also lists the directory's files and their sizes.
 *
 * <p><b>Stateless.</b>
 */
final class SummaryScan {
    private SummaryScan() {
    }

    static SpoolSummary summarize(Path dir, QueueFiles queue, QueueFiles.StoredLong committed) {
        Map<String, Long> files = fileSizes(dir);
        long count = 0;
        long bytes = 0;
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        String problem = null;
        byte[] prefix = new byte[SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES];
        try (QueueFiles.Cursor scan = queue.cursor()) {
            scan.moveAfter(committed.get());
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
                count == 0 ? null : Instant.ofEpochMilli(newest), RecordPlaces.readPosition(committed.get()), problem);
    }

    private static Map<String, Long> fileSizes(Path dir) {
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
}
