package dev.kafkaspool.benchmarks;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@link LogEvent}'s 300-byte value with the parts that differ between real log lines made to
 * differ: a random trace id (32 hex digits) and a random order id at the end of the message. So
 * the producer's compression shrinks these events about as much as real ones, not as much as
 * copies of one line. The value is reused: {@link #next} rewrites it between log calls.
 */
final class VariedEvent {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .getBytes(StandardCharsets.US_ASCII);

    private final EncodedEvent event = new EncodedEvent();
    private final byte[] value = LogEvent.value();
    private final SplittableRandom random = new SplittableRandom(1);
    private final int traceId;
    private final int orderId;
    private long lastSequence = -1;

    VariedEvent() {
        String text = new String(value, StandardCharsets.UTF_8);
        traceId = text.indexOf("\"trace.id\":\"") + "\"trace.id\":\"".length();
        orderId = text.indexOf("id=") + "id=".length();
        event.level(LogLevel.INFO).topic(Kafka.TOPIC).noKey();
    }

    /** Rewrites the random parts; call before {@link #submit}, outside what is timed. */
    void next() {
        for (int i = traceId; i < traceId + 32; i++) {
            value[i] = HEX[random.nextInt(HEX.length)];
        }
        for (int i = orderId; i < value.length - 2; i++) {
            value[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
    }

    /** What an appender does once the value is encoded: take a sequence number, stamp the time, submit. */
    boolean submit(SpoolEngine engine) {
        lastSequence = engine.nextSequence();
        event.sequence(lastSequence).timestampMillis(System.currentTimeMillis()).value(value, value.length);
        return engine.submit(event);
    }

    /** The sequence of the last event submitted, or -1. */
    long lastSequence() {
        return lastSequence;
    }
}
