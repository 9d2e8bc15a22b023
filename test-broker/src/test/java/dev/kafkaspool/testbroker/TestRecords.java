package dev.kafkaspool.testbroker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes and reads the records of the tests, as strings. */
final class TestRecords {

    private TestRecords() {
    }

    /** {@code prefix-from} to {@code prefix-(to - 1)}. */
    static List<String> numbered(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + "-" + i).collect(Collectors.toList());
    }

    /** Sends {@code values} to {@code topic} with acks=all and returns once each was acknowledged. */
    static void produceAcknowledged(KafkaBroker broker, String topic, List<String> values)
            throws ExecutionException, InterruptedException {
        produceAcknowledged(broker.bootstrapServers(), topic, values);
    }

    /** Sends {@code values} to {@code topic} at {@code bootstrapServers} with acks=all and returns once each was acknowledged. */
    static void produceAcknowledged(String bootstrapServers, String topic, List<String> values)
            throws ExecutionException, InterruptedException {
        produceAcknowledged(bootstrapServers, topic, null, values);
    }

    /**
     * Sends {@code values} to {@code partition} of {@code topic} (or where the producer chooses when
     * it is null) with acks=all and returns once each was acknowledged.
     */
    static void produceAcknowledged(String bootstrapServers, String topic, Integer partition, List<String> values)
            throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (String value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic, partition, null, value)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    /** The values of {@code records}, decoded as UTF-8, in the same order. */
    static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> new String(record.value(), UTF_8)).collect(Collectors.toList());
    }
}
