package dev.kafkaspool.benchmarks.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records of a topic a consumer can read now: the sum of its partitions' end offsets
 * (read_uncommitted, so the high watermark: what the broker has acknowledged). Cheap enough to ask
 * every few milliseconds; it counts records, so copies of an event count too.
 */
final class TopicEnds implements AutoCloseable {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    private TopicEnds(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    static TopicEnds of(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, ASK_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).collect(Collectors.toList());
            return new TopicEnds(consumer, partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The records readable now, all partitions together. */
    long records() {
        return records(ASK_TIMEOUT);
    }

    /**
     * The records readable now, all partitions together, asking the broker for at most {@code timeout}.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException if the broker did not answer in time
     */
    long records(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
