package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EventIds;
import dev.kafkaspool.engine.LogLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Builds the Kafka record for an event: its topic, key, value and timestamp, and the headers
 * consumers route on without parsing the value: the event id, the level, and the static headers
 * the appender configured (content type, layout, pod...).
 *
 * <p><b>Not thread-safe</b>: the shipper thread's.
 */
public final class ProducerRecords {
    /** Header holding the event id; the same id as in the record's value. */
    public static final String EVENT_ID_HEADER = "event.id";
    /** Header holding the level name. */
    static final String LEVEL_HEADER = "log.level";

    /** The level header of each level, made once: the same key and value in every record of that level. */
    private static final Header[] LEVEL_HEADERS = levelHeaders();

    /**
     * The headers of the record being made: the event id, the level, then the static ones. A
     * record copies its headers as it is made, so one array serves every record.
     */
    private final Header[] headers;
    private final List<Header> headerView;
    private final RecordPartitions partitions;
    /** The event id's instance part of the last record, and whose it is: most records are one instance's. */
    private final byte[] idPrefix = new byte[EventIds.PREFIX_LENGTH];
    private long idPrefixInstance;
    private boolean idPrefixWritten;

    /** @param instanceId the engine's instance id, which numbers the events it sends in order */
    public ProducerRecords(Map<String, byte[]> staticHeaders, long instanceId) {
        this.partitions = new RecordPartitions(instanceId);
        this.headers = new Header[2 + staticHeaders.size()];
        int i = 2;
        for (Map.Entry<String, byte[]> h : staticHeaders.entrySet()) {
            headers[i++] = new RecordHeader(h.getKey(), h.getValue());
        }
        this.headerView = Arrays.asList(headers);
    }

    /**
     * The record for {@code f}, with its partition: {@link RecordPartitions} chooses it, for a
     * record with a key where the producer's default partitioner would, for one without a key
     * from its event id.
     *
     * @throws RuntimeException when the producer has no metadata for the topic yet
     */
    ProducerRecord<byte[], byte[]> create(InFlight f, Producer<byte[], byte[]> producer) {
        int partition = f.key == null
                ? partitions.partitionFor(producer, f.topic, f.instanceId, f.sequence, f.sentAtNanos)
                : partitions.partitionForKey(producer, f.topic, f.key, f.sentAtNanos);
        headers[0] = new RecordHeader(EVENT_ID_HEADER, eventId(f.instanceId, f.sequence));
        headers[1] = LEVEL_HEADERS[f.level.ordinal()];
        // A restamped record gets the send time from the producer; the event's own time is in its value.
        Long timestamp = f.restamped ? null : f.timestampMillis;
        return new ProducerRecord<>(f.topic, partition, timestamp, f.key, f.value, headerView);
    }

    private byte[] eventId(long instanceId, long sequence) {
        if (!idPrefixWritten || instanceId != idPrefixInstance) {
            EventIds.writePrefix(instanceId, idPrefix, 0);
            idPrefixInstance = instanceId;
            idPrefixWritten = true;
        }
        return EventIds.toBytes(idPrefix, sequence);
    }

    private static Header[] levelHeaders() {
        LogLevel[] levels = LogLevel.values();
        Header[] headers = new Header[levels.length];
        for (LogLevel level : levels) {
            headers[level.ordinal()] = new RecordHeader(LEVEL_HEADER, level.headerValue());
        }
        return headers;
    }
}
