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
}
