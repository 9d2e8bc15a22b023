package dev.kafkaspool.engine;

import java.nio.charset.StandardCharsets;

/**
 * Submits numbered events; a value is {@code <number>:<padding>}, so the number can be read back
 * from what arrives. One instance per logging thread.
 */
public final class TestEvents {
    private final SpoolEngine engine;
    private final String topic;
    private final EncodedEvent event = new EncodedEvent();
    private final int padding;

    public TestEvents(SpoolEngine engine, String topic, int padding) {
        this.engine = engine;
        this.topic = topic;
        this.padding = padding;
    }

    /** Submits one event numbered {@code n}; returns what submit returned. */
    boolean submit(long n) {
        return submitAt(n, System.currentTimeMillis());
    }

    /** Submits one event numbered {@code n} with the given event time; returns what submit returned. */
    public boolean submitAt(long n, long timestampMillis) {
        byte[] value = valueFor(n, padding);
        event.sequence(engine.nextSequence()).timestampMillis(timestampMillis).level(LogLevel.INFO)
                .topic(topic).noKey().value(value, value.length);
        return engine.submit(event);
    }

    /** Submits events numbered {@code from} to {@code to}, both included; returns how many were taken. */
    public int submitRange(long from, long to) {
        int taken = 0;
        for (long n = from; n <= to; n++) {
            if (submit(n)) {
                taken++;
            }
        }
        return taken;
    }

    public static byte[] valueFor(long n, int padding) {
        StringBuilder sb = new StringBuilder().append(n).append(':');
        for (int i = 0; i < padding; i++) {
            sb.append((char) ('a' + (i * 7 + n) % 26));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
