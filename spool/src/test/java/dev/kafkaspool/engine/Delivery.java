package dev.kafkaspool.engine;

import dev.kafkaspool.engine.shipping.ProducerRecords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What arrived in a topic, read against what was logged: which numbers arrived, which are missing,
 * how many copies arrived twice (and whether each copy carries the same event id and value), and
 * whether each partition holds the numbers in logging order once later copies are ignored.
 */
public final class Delivery {
    final Set<Long> numbers = new TreeSet<>();
    final List<String> problems = new ArrayList<>();
    int records;
    int duplicates;

    static Delivery of(List<ConsumerRecord<byte[], byte[]>> consumed) {
        Delivery d = new Delivery();
        Map<String, String> valueById = new HashMap<>();
        Map<Integer, Long> lastByPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : consumed) {
            d.records++;
            String value = new String(r.value(), StandardCharsets.UTF_8);
            long n = Long.parseLong(value.substring(0, value.indexOf(':')));
            Header idHeader = r.headers().lastHeader(ProducerRecords.EVENT_ID_HEADER);
            if (idHeader == null) {
                d.problems.add("record " + n + " has no event id header");
                continue;
            }
            String id = new String(idHeader.value(), StandardCharsets.US_ASCII);
            String earlier = valueById.putIfAbsent(id, value);
            if (earlier != null) {
                d.duplicates++;
                if (!earlier.equals(value)) {
                    d.problems.add("event id " + id + " arrived with two different values");
                }
                continue;
            }
            if (!d.numbers.add(n)) {
                d.problems.add("number " + n + " arrived under two different event ids");
            }
            Long last = lastByPartition.put(r.partition(), n);
            if (last != null && last >= n) {
                d.problems.add("partition " + r.partition() + " has " + n + " after " + last);
            }
        }
        return d;
    }

    /** Numbers from {@code from} to {@code to} that did not arrive. */
    List<Long> missing(long from, long to) {
        List<Long> m = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            if (!numbers.contains(n)) {
                m.add(n);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "records=" + records + " distinct=" + numbers.size() + " duplicates=" + duplicates
                + " problems=" + (problems.size() > 5 ? problems.subList(0, 5) + "..." : problems);
    }
}
