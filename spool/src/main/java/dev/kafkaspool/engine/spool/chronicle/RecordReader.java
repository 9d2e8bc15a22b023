package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.ReadLog;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads the disk spool's records in order for the shipper and decodes them, skipping the records
 * dropped beyond the committed position; a record whose own bytes are damaged is handed out as
 * damaged, so that it is counted and committed in order. Part of {@link ChronicleSpool}.
 *
 * <p><b>Not thread-safe</b>: used under the spool's lock.
 */
final class RecordReader implements AutoCloseable {
    private final Path dir;
    private final QueueFiles.Cursor cursor;
    private final SpoolRecordCodec codec = SpoolRecordCodec.create();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);
    /** The index of the last record handed out, or of the committed one after a move. */
    private long lastRead;
    /** The index of the record the cursor is after: {@link #lastRead}, or the end of a dropped range skipped. */
    private long cursorAfter;

    RecordReader(Path dir, QueueFiles.Cursor cursor) {
        this.dir = dir;
        this.cursor = cursor;
    }

    /** Moves to the first record after the committed one, at index {@code committed}. */
    void moveAfter(long committed) {
        cursor.moveAfter(committed);
        lastRead = committed;
        cursorAfter = committed;
    }

    /** The index of the last record handed out since the last move, or the index moved after. */
    long lastRead() {
        return lastRead;
    }

    /**
     * Reads the next record not in {@code dropped} into {@code into} and adds it to {@code readLog};
     * false when there is none now.
     */
    boolean read(SpoolRecord into, ReadLog readLog, DroppedRanges dropped) {
        long end = dropped.endOfRangeAfter(lastRead);
        if (end != cursorAfter) {
            cursor.moveAfter(end);
            cursorAfter = end;
        }
        try (QueueFiles.Document record = cursor.next()) {
            if (!record.isPresent()) {
                return false;
            }
            scratch = record.readInto(scratch);
            int size = scratch.limit();
            try {
                codec.decode(scratch, into);
            } catch (RuntimeException e) {
                // The record's own bytes are damaged; the queue around it is fine. Hand it out
                // as damaged so it is counted and committed in order, and go on with the next.
                into.damage = "the record at index " + Long.toHexString(record.index()) + " of the spool in " + dir
                        + " could not be read (" + e.getMessage() + ")";
                into.timestampMillis = 0;
            }
            into.position = record.index();
            readLog.add(into.position, size, into.timestampMillis);
            lastRead = into.position;
            cursorAfter = into.position;
            return true;
        }
    }

    /** The time of a record, from its first bytes. */
    long timestampOf(QueueFiles.Document record) {
        int size = SpoolRecordCodec.TIMESTAMP_OFFSET + Long.BYTES;
        record.read(scratch.array(), size);
        return SpoolRecordCodec.timestampOf(scratch, 0);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
