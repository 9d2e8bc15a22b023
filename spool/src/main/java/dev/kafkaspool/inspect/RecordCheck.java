package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import dev.kafkaspool.engine.spool.chronicle.QueueFiles;
import java.nio.ByteBuffer;

/**
 * Copies a record's bytes out of the spool and decodes them, saying what is wrong with a record
 * that does not decode to exactly its bytes.
 *
 * <p><b>Not thread-safe</b>: one per {@link SpoolInspection}.
 */
final class RecordCheck {
    private final SpoolRecordCodec codec = SpoolRecordCodec.create();
    private final SpoolRecord record = new SpoolRecord();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);

    /** Copies the rest of the record being read. */
    void copy(QueueFiles.Document b) {
        scratch = b.readInto(scratch);
    }

    /** The record last decoded. */
    SpoolRecord record() {
        return record;
    }

    /** Decodes the record copied last into {@link #record()}; returns what is wrong with it, or null. */
    String decodeProblem() {
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
}
