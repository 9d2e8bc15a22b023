package dev.kafkaspool.engine;

import java.util.Arrays;

/**
 * An event ready to ship: its encoded record value and the few fields the engine needs to route,
 * identify and order it. Mutable and reusable: a logging thread fills one (typically a
 * thread-local instance) and hands it to {@link SpoolEngine#submit}, which copies what it needs
 * before returning. <b>Not thread-safe.</b>
 */
public final class EncodedEvent {
    private static final byte[] EMPTY = new byte[0];

    private long sequence;
    private long timestampMillis;
    private LogLevel level = LogLevel.INFO;
    private String topic;
    private byte[] key = EMPTY;
    private int keyLength = -1;
    private byte[] value = EMPTY;
    private int valueLength;

    /** The per-engine sequence number from {@link SpoolEngine#nextSequence()}; part of the event id. */
    public EncodedEvent sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    public EncodedEvent timestampMillis(long timestampMillis) {
        this.timestampMillis = timestampMillis;
        return this;
    }

    public EncodedEvent level(LogLevel level) {
        this.level = level;
        return this;
    }

    /** The Kafka topic; resolve it once and reuse the same String instance. */
    public EncodedEvent topic(String topic) {
        this.topic = topic;
        return this;
    }

    /** The record key, or no key with {@code length == -1}. The bytes are copied on submit. */
    public EncodedEvent key(byte[] bytes, int length) {
        this.key = bytes == null ? EMPTY : bytes;
        this.keyLength = bytes == null ? -1 : length;
        return this;
    }

    public EncodedEvent noKey() {
        return key(null, -1);
    }

    /** The record value, e.g. a JSON document. The bytes are copied on submit. */
    public EncodedEvent value(byte[] bytes, int length) {
        this.value = bytes;
        this.valueLength = length;
        return this;
    }

    public long sequence() {
        return sequence;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public LogLevel level() {
        return level;
    }

    public String topic() {
        return topic;
    }

    public byte[] keyBytes() {
        return key;
    }

    /** -1 when the record has no key. */
    public int keyLength() {
        return keyLength;
    }

    public byte[] valueBytes() {
        return value;
    }

    public int valueLength() {
        return valueLength;
    }

    /** Copies another event into this one, reusing this one's arrays where they are large enough. */
    void copyFrom(EncodedEvent other) {
        sequence = other.sequence;
        timestampMillis = other.timestampMillis;
        level = other.level;
        topic = other.topic;
        keyLength = other.keyLength;
        if (keyLength > 0) {
            key = fit(key, keyLength);
            System.arraycopy(other.key, 0, key, 0, keyLength);
        }
        valueLength = other.valueLength;
        value = fit(value, valueLength);
        System.arraycopy(other.value, 0, value, 0, valueLength);
    }

    /** The key as an exact-length copy, or null. */
    public byte[] copyKey() {
        return keyLength < 0 ? null : Arrays.copyOf(key, keyLength);
    }

    public byte[] copyValue() {
        return Arrays.copyOf(value, valueLength);
    }

    /** The bytes this event holds for its key and value now. */
    int heldBytes() {
        return Math.max(0, keyLength) + valueLength;
    }

    /** Lets go of key and value arrays larger than {@code keep} bytes, so a large event's arrays do not stay. */
    void shrink(int keep) {
        if (key.length > keep) {
            key = EMPTY;
        }
        if (value.length > keep) {
            value = EMPTY;
        }
    }

    /**
     * {@code array} when {@code length} fits, else a new array of at least twice its size, rounded up
     * to a power of two: a record a few bytes longer than the slot's last one (a sequence number or
     * id with one more digit) then fits without a new array, so slots stop growing early.
     */
    static byte[] fit(byte[] array, int length) {
        return array.length >= length ? array : new byte[grownSize(array.length, length)];
    }

    /** The size of the array that replaces one of {@code current} bytes to hold {@code length}. */
    static int grownSize(int current, int length) {
        int size = Math.max(length, current * 2);
        int rounded = Integer.highestOneBit(size - 1) << 1;
        return rounded >= size ? rounded : size; // above 2^30 no power of two fits in an int
    }
}
