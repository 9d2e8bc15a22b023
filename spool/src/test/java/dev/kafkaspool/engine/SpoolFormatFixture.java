package dev.kafkaspool.engine;

import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The spool kept under {@code src/test/resources/spool-format/v2/}: written once by
 * {@link #main} with the version that introduced record format 2, and read by
 * {@link SpoolFormatTest} in every later version. Its first {@value #COMMITTED} events were shipped
 * (committed); the others wait. Do not rewrite it: it stands for what earlier versions left on disk.
 */
final class SpoolFormatFixture {
    static final String RESOURCE = "/spool-format/v2";
    static final long INSTANCE_ID = 0x0123_4567_89AB_CDEFL;
    static final int COMMITTED = 2;
    /** Sequence, timestamp, level, topic, key (null: none), value. */
    static final List<Object[]> EVENTS = List.of(
            new Object[] {1L, 1_700_000_000_001L, LogLevel.INFO, "orders", null, "first, shipped"},
            new Object[] {2L, 1_700_000_000_002L, LogLevel.DEBUG, "orders", "k", "second, shipped"},
            new Object[] {3L, 1_700_000_000_003L, LogLevel.WARN, "orders", null, "{\"message\":\"a JSON record\"}"},
            new Object[] {4L, 1_700_000_000_004L, LogLevel.ERROR, "payments", "customer-42", "Grüße, 日本, \uD83D\uDE00"},
            new Object[] {5L, 1_700_000_000_005L, LogLevel.TRACE, "payments", "", ""},
            new Object[] {6L, 1_700_000_000_006L, LogLevel.INFO, "orders", null, "last"});

    private SpoolFormatFixture() {
    }

    static EncodedEvent event(Object[] e) {
        byte[] value = ((String) e[5]).getBytes(StandardCharsets.UTF_8);
        EncodedEvent event = new EncodedEvent().sequence((Long) e[0]).timestampMillis((Long) e[1])
                .level((LogLevel) e[2]).topic((String) e[3]).value(value, value.length);
        if (e[4] == null) {
            return event.noKey();
        }
        byte[] key = ((String) e[4]).getBytes(StandardCharsets.UTF_8);
        return event.key(key, key.length);
    }

    /** Writes the fixture into the empty directory {@code args[0]}. */
    public static void main(String[] args) {
        ChronicleSpool spool = ChronicleSpool.open(Path.of(args[0]), 1L << 20);
        try {
            for (Object[] e : EVENTS) {
                spool.append(INSTANCE_ID, event(e));
            }
            SpoolRecord r = new SpoolRecord();
            for (int i = 0; i < COMMITTED; i++) {
                spool.read(r);
            }
            spool.commit(r.position);
        } finally {
            spool.close();
        }
    }
}
