package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a topic from its beginning with a fresh consumer that belongs to no group. Should the
 * consumer's position be reset (it resets to the beginning, see {@link BrokerClients#reader}), the
 * records it reads again are left out: a record is taken once per partition and offset.
 */
final class TopicReader {

    private static final Duration MAX_POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /**
     * Reads every partition of {@code topic} until at least {@code expected} records were read and
     * then on to the end every partition had at that moment, or until {@code timeout} passed, and
     * returns what it read, in order within each partition. Reading on to the end keeps copies of
     * records (which a producer's retries may leave) from hiding records that were not read yet.
     */
    static List<ConsumerRecord<byte[], byte[]>> readFromBeginning(String bootstrapServers, String topic,
            int expected, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = BrokerClients.reader(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!partitions.isEmpty() && records.size() < expected && !deadline.hasPassed()) {
                addNew(consumer.poll(shorter(deadline.remaining(), MAX_POLL)), records, nextOffsets);
            }
            if (!partitions.isEmpty() && !deadline.hasPassed()) {
                Map<TopicPartition, Long> ends = endOffsets(consumer, partitions, deadline);
                while (!deadline.hasPassed() && !reachedEnds(consumer, ends)) {
                    addNew(consumer.poll(shorter(deadline.remaining(), MAX_POLL)), records, nextOffsets);
                }
            }
            if (records.size() < expected) {
                System.out.println("TopicReader: read " + records.size() + " of " + expected + " records of " + topic
                        + " in " + timeout + "; next offset read per partition " + nextOffsets + ", "
                        + offsetsForReport(consumer, partitions) + ", offsets skipped " + skippedForReport(records));
            }
        }
        return records;
    }

    /**
     * Reads every partition of {@code topic} up to its end as it was when the read began (the
     * records acknowledged by then), or until {@code timeout} passed, and returns what it read, in
     * order within each partition.
     */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = BrokerClients.reader(bootstrapServers)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline);
            Map<TopicPartition, Long> ends = endOffsets(consumer, partitions, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> nextOffsets = new HashMap<>();
            while (!partitions.isEmpty() && !deadline.hasPassed() && !reachedEnds(consumer, ends)) {
                addNew(consumer.poll(shorter(deadline.remaining(), MAX_POLL)), records, nextOffsets);
            }
        }
        return records;
    }

    /** Adds the records of {@code polled} not read before: those at or past the next offset of their partition. */
    private static void addNew(ConsumerRecords<byte[], byte[]> polled, List<ConsumerRecord<byte[], byte[]>> records,
            Map<TopicPartition, Long> nextOffsets) {
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= nextOffsets.getOrDefault(partition, 0L)) {
                records.add(record);
                nextOffsets.put(partition, record.offset() + 1);
            }
        }
    }

    /**
     * The partitions' beginning and end offsets for a report (a record below the beginning is
     * gone), or why they are not known.
     */
    private static String offsetsForReport(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        try {
            return "beginning offsets " + consumer.beginningOffsets(partitions, Duration.ofSeconds(10))
                    + ", end offsets " + consumer.endOffsets(partitions, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            return "offsets not known: " + e;
        }
    }

    /**
     * Per partition, the first offset read and the first few stretches of offsets not read between
     * records read.
     */
    private static Map<Integer, List<String>> skippedForReport(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, List<String>> report = new HashMap<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            List<String> partition = report.computeIfAbsent(record.partition(), p -> new ArrayList<>());
            Long expectedOffset = next.get(record.partition());
            if (expectedOffset == null) {
                partition.add("first " + record.offset());
            } else if (record.offset() != expectedOffset && partition.size() < 6) {
                partition.add(expectedOffset + "-" + (record.offset() - 1));
            }
            next.put(record.partition(), record.offset() + 1);
        }
        return report;
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, Deadline deadline) {
        while (!deadline.hasPassed()) {
            try {
                return consumer.endOffsets(partitions, deadline.remaining());
            } catch (TimeoutException e) {
                // The broker did not answer in time: ask again while time is left.
            }
            deadline.pauseBeforeRetry();
        }
        throw new IllegalStateException("The end offsets of " + partitions + " were not known in time");
    }

    private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** The partitions of {@code topic}, asked for again until known or the deadline passed (then none). */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic,
            Deadline deadline) {
        while (!deadline.hasPassed()) {
            try {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, deadline.remaining());
                if (!partitions.isEmpty()) {
                    return partitions.stream()
                            .map(partition -> new TopicPartition(topic, partition.partition()))
                            .collect(Collectors.toList());
                }
            } catch (TimeoutException e) {
                // The broker did not answer in time: ask again while time is left.
            }
            deadline.pauseBeforeRetry();
        }
        return List.of();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
