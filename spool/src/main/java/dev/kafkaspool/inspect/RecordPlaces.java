package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;

/**
 * Where a record is, in words for the spool tool's messages: its file, its number in the file,
 * its queue index, and its byte offset.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class RecordPlaces {
    private static final long NONE = 0;

    private RecordPlaces() {
    }

    /** A record's place: its file, its number in the file, and its queue index. */
    static String describe(long index) {
        return ChronicleSpool.fileNameOf(ChronicleSpool.ROLL_CYCLE.toCycle(index)) + " record #"
                + ChronicleSpool.ROLL_CYCLE.toSequenceNumber(index) + " (index 0x" + Long.toHexString(index) + ")";
    }

    static String place(long index, long offset, long pendingNumber) {
        String where = index < 0 ? "the record" : describe(index);
        return "pending record " + pendingNumber + ", " + where + (offset < 0 ? "" : " at byte offset " + offset);
    }

    /** The committed position {@code c}, where reading starts after. */
    static String readPosition(long c) {
        return c <= NONE ? "none (nothing acknowledged yet: reading starts at the first record)" : describe(c);
    }
}
