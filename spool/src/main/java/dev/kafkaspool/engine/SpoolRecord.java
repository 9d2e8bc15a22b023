package dev.kafkaspool.engine;

/**
 * An event as stored in a spool, read back into a reusable instance by the shipper thread.
 * <b>Not thread-safe.</b>
 */
final class SpoolRecord {
    long position;
    long instanceId;
    long sequence;
    long timestampMillis;
    LogLevel level;
    String topic;
    byte[] key;
    byte[] value;
    /** Why this record could not be read back (its bytes are damaged), or null for a good record. */
    String damage;

    /** Writes this record's event into {@code e}, e.g. to move it to another spool. */
    void copyTo(EncodedEvent e) {
        e.sequence(sequence).timestampMillis(timestampMillis).level(level).topic(topic)
                .key(key, key == null ? -1 : key.length).value(value, value.length);
    }
}
