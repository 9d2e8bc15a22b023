package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.engine.ManualTicker;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Records without a key: where the copies of an event go when the topic's partition count changes;
 * records with a key: where Kafka's default partitioner puts them.
 */
class RecordPartitionsTest {
    private static final long OWN = 6;
    private static final long EARLIER_PROCESS = 9;
    private static final String TOPIC = "logs";

    private final CountingProducer producer = new CountingProducer();
    private final ManualTicker ticker = new ManualTicker();
    private final RecordPartitions partitions = new RecordPartitions(OWN);

    @Test
    void copiesSentAfterPartitionsWereAddedLandInTheirFirstCopysPartition() {
        producer.partitions = 2;
        List<Integer> first = partitions(OWN, 1, 3_000);
        List<Integer> earlierFirst = partitions(EARLIER_PROCESS, 1, 3_000);

        setPartitions(4);
        assertEquals(first, partitions(OWN, 1, 3_000), "copies of events sent before the change");
        assertEquals(earlierFirst, partitions(EARLIER_PROCESS, 1, 3_000), "copies of an earlier process's events");
        // The run of event 3,000 was begun before the change: its other events stay with it.
        assertEquals(first.get(first.size() - 1), partitions.partitionFor(producer, TOPIC, OWN, 3_071, ticker.nanos()));

        Set<Integer> used = new HashSet<>(partitions(OWN, 3_072, 3_072 + 4 * RecordPartitions.RUN_LENGTH - 1));
        assertEquals(Set.of(0, 1, 2, 3), used, "later runs use the new partitions");
        List<Integer> later = partitions(OWN, 3_072, 9_000);
        setPartitions(6);
        assertEquals(later, partitions(OWN, 3_072, 9_000), "after a second change too");
        assertEquals(first, partitions(OWN, 1, 3_000), "and the first ones still");
    }

    @Test
    void aTopicCreatedAgainWithFewerPartitionsGetsEveryRecordInThem() {
        producer.partitions = 4;
        partitions(OWN, 1, 5_000);
        setPartitions(1);
        assertEquals(Set.of(0), new HashSet<>(partitions(OWN, 1, 9_000)));
        assertEquals(Set.of(0), new HashSet<>(partitions(EARLIER_PROCESS, 1, 9_000)));
    }

    /** The producer is asked at most once an interval: a change is seen once the interval has passed. */
    @Test
    void theProducerIsAskedAtMostOnceAnInterval() {
        producer.partitions = 2;
        partitions(OWN, 1, 5_000);
        assertEquals(1, producer.asked, "asked for the first record only");
        producer.partitions = 4;
        assertEquals(Set.of(0, 1), new HashSet<>(partitions(OWN, 5_001, 9_000)), "the change is not seen yet");
        ticker.advance(RecordPartitions.ASK_INTERVAL_MICROS, TimeUnit.MICROSECONDS);
        assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(partitions(OWN, 9_001, 20_000)), "now it is");
        assertEquals(2, producer.asked);
    }

    /** Kafka's default partitioner: the positive murmur2 hash of the key, modulo the partition count. */
    @Test
    void aRecordWithAKeyGoesWhereKafkasDefaultPartitionerPutsIt() {
        producer.partitions = 6;
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] key = ("pod-" + i).getBytes(StandardCharsets.UTF_8);
            int p = partitions.partitionForKey(producer, TOPIC, key, ticker.nanos());
            assertEquals(Utils.toPositive(Utils.murmur2(key)) % 6, p);
            used.add(p);
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), used);
        setPartitions(7);
        byte[] key = "pod-1".getBytes(StandardCharsets.UTF_8);
        assertEquals(Utils.toPositive(Utils.murmur2(key)) % 7, partitions.partitionForKey(producer, TOPIC, key,
                ticker.nanos()), "by the latest count");
    }

    /** The topic's partitions change, and the interval after which the producer is asked again passes. */
    private void setPartitions(int count) {
        producer.partitions = count;
        ticker.advance(RecordPartitions.ASK_INTERVAL_MICROS, TimeUnit.MICROSECONDS);
    }

    private List<Integer> partitions(long instanceId, long from, long to) {
        List<Integer> p = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            p.add(partitions.partitionFor(producer, TOPIC, instanceId, sequence, ticker.nanos()));
        }
        return p;
    }

    /** A producer whose topic has as many partitions as the test says. */
    private static final class CountingProducer extends MockProducer<byte[], byte[]> {
        int partitions;
        int asked;

        CountingProducer() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized List<PartitionInfo> partitionsFor(String topic) {
            asked++;
            List<PartitionInfo> infos = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                infos.add(new PartitionInfo(topic, i, null, null, null));
            }
            return infos;
        }
    }
}
