package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kafkaspool.engine.EventIds;
import dev.kafkaspool.engine.LogLevel;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The record made for an event carries its own event id and level in its headers, also when the
 * events of several engine instances (a spool left by earlier processes) and levels alternate, and
 * the static headers after them.
 */
class ProducerRecordsTest {
    private static final byte[] KEY = "k".getBytes(StandardCharsets.US_ASCII);

    private final InFlightWindow window = new InFlightWindow();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(
            new Cluster("c", List.of(), List.of(new PartitionInfo("logs", 0, null, null, null),
                    new PartitionInfo("logs", 1, null, null, null), new PartitionInfo("logs", 2, null, null, null)),
                    Set.of(), Set.of()),
            false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final ProducerRecords records = new ProducerRecords(
            Map.of("content-type", "application/json".getBytes(StandardCharsets.US_ASCII)), 7L);

    @Test
    void eachRecordCarriesItsOwnEventIdAndLevel() {
        long[][] ids = {{7L, 1}, {7L, 2}, {-1L, 0x10}, {7L, 3}, {0L, 0}, {0L, Long.MAX_VALUE}, {7L, 4}};
        LogLevel[] levels = LogLevel.values();
        for (int i = 0; i < ids.length; i++) {
            LogLevel level = levels[i % levels.length];
            ProducerRecord<byte[], byte[]> r = records.create(event(ids[i][0], ids[i][1], level), producer);
            assertEquals(EventIds.toString(ids[i][0], ids[i][1]), text(r.headers().lastHeader(ProducerRecords.EVENT_ID_HEADER)));
            assertEquals(level.name(), text(r.headers().lastHeader(ProducerRecords.LEVEL_HEADER)));
            assertEquals("application/json", text(r.headers().lastHeader("content-type")));
            assertEquals(3, r.headers().toArray().length);
            assertEquals(Utils.toPositive(Utils.murmur2(KEY)) % 3, r.partition(),
                    "a record with a key goes where Kafka's default partitioner puts it, chosen before the send");
        }
    }

    private InFlight event(long instanceId, long sequence, LogLevel level) {
        return new InFlight(window, null, 1L, 0L, instanceId, sequence, 1_700_000_000_000L, level, "logs",
                KEY, "v".getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(Header h) {
        return new String(h.value(), StandardCharsets.US_ASCII);
    }
}
