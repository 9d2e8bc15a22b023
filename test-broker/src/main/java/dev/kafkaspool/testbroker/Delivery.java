package dev.kafkaspool.testbroker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What arrived in a topic, read against numbered events that were logged: which numbers arrived,
 * which are missing, how many copies arrived twice (each copy must carry the same event id and
 * value), and whether each partition holds the numbers in logging order once later copies are
 * ignored. An event's number is the text before the first {@code ':'} of its value, or of the part
 * of its value a caller names (the message field of a JSON record, say).
 */
public final class Delivery {

    /** The record header that carries each event's id (the engine's {@code ProducerRecords.EVENT_ID_HEADER}). */
    public static final String EVENT_ID_HEADER = "event.id";

    private final Set<Long> numbers = new TreeSet<>();
    private final Set<String> eventIds = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private int records;
    private int duplicates;

    private Delivery() {
    }

    /** Reads {@code consumed}, whose values are {@code <number>:<anything>}. */
    public static Delivery of(List<ConsumerRecord<byte[], byte[]>> consumed) {
        return of(consumed, value -> value);
    }

    /**
     * Reads {@code consumed}; {@code numbered} takes a record's value (as UTF-8 text) to the text that
     * starts with the event's number: {@code <number>:<anything>}.
     */
    public static Delivery of(List<ConsumerRecord<byte[], byte[]>> consumed, Function<String, String> numbered) {
        Delivery d = new Delivery();
        Map<String, String> valueById = new HashMap<>();
        Map<Integer, Long> lastByPartition = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : consumed) {
            d.records++;
            String value = new String(r.value(), StandardCharsets.UTF_8);
            String text = numbered.apply(value);
            long n = Long.parseLong(text.substring(0, text.indexOf(':')));
            Header idHeader = r.headers().lastHeader(EVENT_ID_HEADER);
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
            d.eventIds.add(id);
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

    /** The numbers that arrived, in increasing order. */
    public Set<Long> numbers() {
        return Collections.unmodifiableSet(numbers);
    }

    /** The event ids that arrived. */
    public Set<String> eventIds() {
        return Collections.unmodifiableSet(eventIds);
    }

    /** Every problem found: a missing header, copies that differ, a number under two ids, a partition out of order. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** How many records were read. */
    public int records() {
        return records;
    }

    /** How many records were further copies of an event id. */
    public int duplicates() {
        return duplicates;
    }

    /** Numbers from {@code from} to {@code to} that did not arrive. */
    public List<Long> missing(long from, long to) {
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
