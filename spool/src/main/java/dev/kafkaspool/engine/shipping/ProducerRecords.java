package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EventIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the Kafka record for an event: its topic, key, value and timestamp, and the headers
 * consumers route on without parsing the value: the event id, the level, and the static headers
 * the appender configured (content type, layout, pod...).
 */
public final class ProducerRecords {
    /** Header holding the event id; the same id as in the record's value. */
    public static final String EVENT_ID_HEADER = "event.id";
    /** Header holding the level name. */
    static final String LEVEL_HEADER = "log.level";

    private final Header[] staticHeaders;
    private final KeylessPartitions keyless;

    /** @param instanceId the engine's instance id, which numbers the events it sends in order */
    public ProducerRecords(Map<String, byte[]> staticHeaders, long instanceId) {
        this.keyless = new KeylessPartitions(instanceId);
        List<Header> h = new ArrayList<>();
        staticHeaders.forEach((k, v) -> h.add(new RecordHeader(k, v)));
        this.staticHeaders = h.toArray(new Header[0]);
    }

    /**
     * The record for {@code f}. A record with a key goes where the producer hashes the key; one
     * without a key goes to the partition {@link KeylessPartitions} chooses from its event id.
     *
     * @throws RuntimeException when the producer has no metadata for the topic yet
     */
    ProducerRecord<byte[], byte[]> create(InFlight f, Producer<byte[], byte[]> producer) {
        Integer partition = f.key == null
                ? keyless.partitionFor(producer, f.topic, f.instanceId, f.sequence) : null;
        Header[] headers = new Header[staticHeaders.length + 2];
        headers[0] = new RecordHeader(EVENT_ID_HEADER, EventIds.toBytes(f.instanceId, f.sequence));
        headers[1] = new RecordHeader(LEVEL_HEADER, f.level.headerValue());
        System.arraycopy(staticHeaders, 0, headers, 2, staticHeaders.length);
        // A restamped record gets the send time from the producer; the event's own time is in its value.
        Long timestamp = f.restamped ? null : f.timestampMillis;
        return new ProducerRecord<>(f.topic, partition, timestamp, f.key, f.value,
                new RecordHeaders(headers));
    }
}
