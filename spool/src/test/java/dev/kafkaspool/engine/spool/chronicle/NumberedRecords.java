package dev.kafkaspool.engine.spool.chronicle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/** Records of {@link #BYTES} bytes, none of them zero, that say their number; and reading them back. */
final class NumberedRecords {
    static final int BYTES = 450;

    private NumberedRecords() {
    }

    /** Record {@code n}: its number, a colon, and letters. */
    static byte[] record(long n) {
        byte[] r = new byte[BYTES];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ('a' + (n + i) % 26);
        }
        byte[] number = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(number, 0, r, 0, number.length);
        r[number.length] = ':';
        return r;
    }

    /** The queue holds records 1 to {@code count}, in order, as written, and nothing more. */
    static void assertReadBack(QueueFiles queue, long count) {
        try (QueueFiles.Cursor cursor = queue.cursor()) {
            byte[] read = new byte[BYTES];
            for (long n = 1; n <= count; n++) {
                try (QueueFiles.Document d = cursor.next()) {
                    assertTrue(d.isPresent(), "record " + n + " is there");
                    assertEquals(BYTES, d.size());
                    d.read(read, BYTES);
                    assertArrayEquals(record(n), read, "record " + n + " as written");
                }
            }
            try (QueueFiles.Document d = cursor.next()) {
                assertFalse(d.isPresent(), "nothing more");
            }
        }
    }
}
