package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;

/**
 * An event as stored in a spool, read back into a reusable instance by the shipper thread.
 * <b>Not thread-safe.</b>
 */
public final class SpoolRecord {
    public long position;
    public long instanceId;
    public long sequence;
    public long timestampMillis;
    public LogLevel level;
    public String topic;
    public byte[] key;
    public byte[] value;
    /** Why this record could not be read back (its bytes are damaged), or null for a good record. */
    public String damage;

    /** Writes this record's event into {@code e}, e.g. to move it to another spool. */
    void copyTo(EncodedEvent e) {
        e.sequence(sequence).timestampMillis(timestampMillis).level(level).topic(topic)
                .key(key, key == null ? -1 : key.length).value(value, value.length);
    }
}
