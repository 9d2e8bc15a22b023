package dev.kafkaspool.samples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What arrived in the log topic from the sample services, read from the beginning of every
 * partition to its end: per service (its {@code service.name}), the records and the distinct event
 * ids. Only the services' own events count, not the Kafka client's warnings the services ship too.
 */
final class ArrivedRecords {

    /** The loggers of the services' own events start with this. */
    private static final String SERVICE_LOGGERS = "dev.kafkaspool.samples.";

    private final Map<String, List<RecordFields>> recordsByService;

    private ArrivedRecords(Map<String, List<RecordFields>> recordsByService) {
        this.recordsByService = recordsByService;
    }

    /** Reads the whole topic as it is now; gives up on a partition after {@code timeout}. */
    static ArrivedRecords read(String bootstrapServers, String topic, Duration timeout) {
        Map<String, List<RecordFields>> byService = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : readToEnd(bootstrapServers, topic, timeout)) {
            RecordFields fields = RecordFields.parse(record.value());
            String logger = fields.get("log.logger");
            String service = fields.get("service.name");
            if (service != null && logger != null && logger.startsWith(SERVICE_LOGGERS)) {
                byService.computeIfAbsent(service, s -> new ArrayList<>()).add(fields);
            }
        }
        return new ArrivedRecords(byService);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic,
            Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (!readAll(consumer, ends) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean readAll(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The service's records, in the order read (per partition). */
    List<RecordFields> records(String serviceName) {
        return recordsByService.getOrDefault(serviceName, List.of());
    }

    /** How many distinct event ids of the service arrived. */
    long distinctEventIds(String serviceName) {
        Set<String> ids = new HashSet<>();
        for (RecordFields record : records(serviceName)) {
            ids.add(record.get("event.id"));
        }
        return ids.size();
    }

    /** Records of the service beyond the first with each event id. */
    long duplicates(String serviceName) {
        return records(serviceName).size() - distinctEventIds(serviceName);
    }
}
