package dev.kafkaspool.engine;

import dev.kafkaspool.engine.spool.SpoolRecord;
import java.nio.charset.StandardCharsets;

/** Builds events for tests. */
public final class Events {
    public static final String TOPIC = "logs";

    private Events() {
    }

    public static EncodedEvent event(long sequence, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return new EncodedEvent().sequence(sequence).timestampMillis(1_000_000 + sequence).level(LogLevel.INFO)
                .topic(TOPIC).noKey().value(bytes, bytes.length);
    }

    public static String valueOf(SpoolRecord r) {
        return new String(r.value, StandardCharsets.UTF_8);
    }
}
