package dev.kafkaspool.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What arrived in a topic of the events 1 to {@code logged}: how many distinct events arrived, how
 * many were lost, how many records were copies of an event that had arrived already, and how many
 * events arrived out of order: within a partition, taking each event's first arrival in offset
 * order, an event whose number is lower than one that arrived before it in that partition.
 */
record ArrivalCount(long logged, long arrived, long lost, long duplicates, long outOfOrder, long unknown) {

    static ArrivalCount of(List<ConsumerRecord<byte[], byte[]>> records, long logged) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byPartition.computeIfAbsent(record.partition(), partition -> new ArrayList<>()).add(record);
        }
        ArrivalTally tally = new ArrivalTally(logged);
        for (List<ConsumerRecord<byte[], byte[]>> partition : byPartition.values()) {
            partition.sort(Comparator.comparingLong(ConsumerRecord::offset));
            tally.nextStream();
            for (ConsumerRecord<byte[], byte[]> record : partition) {
                tally.add(EventMessage.numberIn(record.value()));
            }
        }
        return tally.count();
    }
}
