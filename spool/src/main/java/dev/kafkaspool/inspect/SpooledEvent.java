package dev.kafkaspool.inspect;

import dev.kafkaspool.engine.EventIds;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.SpoolRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A pending event as read from a spool by {@link SpoolInspection}: its event id, time, level,
 * topic, key and value (the record Kafka will receive, usually a JSON document).
 *
 * <p><b>Immutable and thread-safe</b>; the arrays are copies owned by this instance, never modify them.
 */
public final class SpooledEvent {
    private final String eventId;
    private final Instant timestamp;
    private final LogLevel level;
    private final String topic;
    private final byte[] key;
    private final byte[] value;

    SpooledEvent(SpoolRecord r) {
        this.eventId = EventIds.toString(r.instanceId, r.sequence);
        this.timestamp = Instant.ofEpochMilli(r.timestampMillis);
        this.level = r.level;
        this.topic = r.topic;
        this.key = r.key;
        this.value = r.value;
    }

    /** The event id, {@code <instance>-<sequence>}, as carried in the record's header. */
    public String eventId() {
        return eventId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public LogLevel level() {
        return level;
    }

    /** The Kafka topic the event goes to. */
    public String topic() {
        return topic;
    }

    /** The record key, or null when the event has none. */
    public byte[] key() {
        return key;
    }

    /** The record value as stored. */
    public byte[] value() {
        return value;
    }

    /** The record value as UTF-8 text. */
    public String valueText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return eventId + " " + timestamp + " " + level + " " + topic;
    }
}
