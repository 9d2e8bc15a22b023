package dev.kafkaspool.benchmarks;

import dev.kafkaspool.testbroker.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What one engine delivered to a topic, read from the beginning to the end offsets as a stream
 * (millions of records do not fit in a list): the records, the distinct events among them by the
 * sequence in their event id ({@code <instance>-<hex sequence>}, the engine's one instance),
 * further copies of an event, and events that arrived in a partition after a later-logged one.
 */
final class TopicAudit {
    private static final Duration POLL = Duration.ofMillis(200);

    long endOffsets;
    long records;
    long distinct;
    long duplicates;
    long outOfOrder;
    long otherInstances;
    private final BitSet seen = new BitSet();

    private TopicAudit() {
    }

    /** Reads all of {@code topic}; throws if the end offsets are not reached within {@code timeout}. */
    static TopicAudit read(String bootstrapServers, String topic, Duration timeout) {
        TopicAudit audit = new TopicAudit();
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", false, "max.poll.records", 5000,
                "key.deserializer", ByteArrayDeserializer.class, "value.deserializer", ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            audit.endOffsets = ends.values().stream().mapToLong(Long::longValue).sum();
            Map<Integer, Long> lastByPartition = new HashMap<>();
            String instance = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the topic was not read to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    audit.records++;
                    Header header = r.headers().lastHeader(Delivery.EVENT_ID_HEADER);
                    String id = new String(header.value(), StandardCharsets.US_ASCII);
                    int dash = id.indexOf('-');
                    instance = instance == null ? id.substring(0, dash) : instance;
                    if (!id.startsWith(instance)) {
                        audit.otherInstances++;
                        continue;
                    }
                    int sequence = Math.toIntExact(Long.parseLong(id.substring(dash + 1), 16));
                    BitSet seen = audit.seen;
                    if (seen.get(sequence)) {
                        audit.duplicates++;
                        continue;
                    }
                    seen.set(sequence);
                    audit.distinct++;
                    Long last = lastByPartition.put(r.partition(), (long) sequence);
                    if (last != null && last > sequence) {
                        audit.outOfOrder++;
                    }
                }
            }
        }
        return audit;
    }

    /** The lowest sequence from {@code from} on that did not arrive. */
    long firstMissing(long from) {
        return seen.nextClearBit(Math.toIntExact(from));
    }

    /** How many of the sequences {@code from} to {@code to} (inclusive) arrived. */
    long arrived(long from, long to) {
        return seen.get(Math.toIntExact(from), Math.toIntExact(to) + 1).cardinality();
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public String toString() {
        return "end offsets " + endOffsets + ", records read " + records + ", distinct events " + distinct
                + ", further copies " + duplicates + ", arrived after a later event " + outOfOrder
                + (otherInstances > 0 ? ", of another engine instance " + otherInstances : "");
    }
}
