package dev.kafkaspool.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.kafkaspool.encoding.Records;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What arrived in a topic, read against numbered events that {@link SteadyLogger} logged: which
 * numbers arrived, which are missing, how many records were second copies (each must carry the
 * event id and the value of its first copy), and whether every partition holds its first copies in
 * logging order.
 */
final class Arrivals {
    static final String EVENT_ID_HEADER = "event.id";

    private final Set<Long> numbers = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private int records;
    private int duplicates;

    private Arrivals() {
    }

    /** Reads {@code consumed}, records of all partitions in order within each partition. */
    static Arrivals of(List<ConsumerRecord<byte[], byte[]>> consumed) {
        Arrivals a = new Arrivals();
        Map<String, String> valueById = new HashMap<>();
        Map<Integer, Long> lastByPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : consumed) {
            a.records++;
            String value = new String(r.value(), StandardCharsets.UTF_8);
            long n = Long.parseLong(String.valueOf(Records.parse(value).get("message")));
            Header idHeader = r.headers().lastHeader(EVENT_ID_HEADER);
            if (idHeader == null) {
                a.problems.add("record " + n + " has no " + EVENT_ID_HEADER + " header");
                continue;
            }
            String id = new String(idHeader.value(), StandardCharsets.US_ASCII);
            String earlier = valueById.putIfAbsent(id, value);
            if (earlier != null) {
                a.duplicates++;
                if (!earlier.equals(value)) {
                    a.problems.add("event id " + id + " arrived with two different values");
                }
                continue;
            }
            if (!a.numbers.add(n)) {
                a.problems.add("number " + n + " arrived under two different event ids");
            }
            Long last = lastByPartition.put(r.partition(), n);
            if (last != null && last >= n) {
                a.problems.add("partition " + r.partition() + " has " + n + " after " + last);
            }
        }
        return a;
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

    /** Every problem found: a missing header, a copy that differs, a number under two ids, a partition out of order. */
    List<String> problems() {
        return problems;
    }

    /** How many different numbers arrived. */
    int distinct() {
        return numbers.size();
    }

    /** How many records were second (or later) copies of an event id. */
    int duplicates() {
        return duplicates;
    }

    @Override
    public String toString() {
        return "records=" + records + " distinct=" + numbers.size() + " duplicates=" + duplicates
                + " problems=" + (problems.size() > 5 ? problems.subList(0, 5) + "..." : problems);
    }
}
