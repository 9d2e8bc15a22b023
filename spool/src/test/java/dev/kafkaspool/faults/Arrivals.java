package dev.kafkaspool.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.encoding.Records;
import dev.kafkaspool.testbroker.Delivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What arrived in a topic, read against numbered events that {@link SteadyLogger} logged: which
 * numbers arrived, which are missing, how many records were copies of an event that had already
 * arrived (each must carry the event id and the value of the other copies), and whether every
 * partition holds its events in logging order.
 *
 * <p>The order check reads each partition by offset and skips a copy whose event id came earlier
 * in the same partition. Every copy of an event must land in its first copy's partition (records
 * without a key get a partition chosen from their event id); the tests assert that
 * {@link #spreadEvents()} is zero. So that a failure there still shows the order of the rest, the
 * events that arrived in one partition only must be in increasing order in it, and each event with
 * copies in several partitions must have at least one copy that fits between its neighbours of the
 * first kind.
 */
final class Arrivals {
    static final String EVENT_ID_HEADER = Delivery.EVENT_ID_HEADER;

    private final Set<Long> numbers = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private int records;
    private int duplicates;
    private int spreadEvents;

    private Arrivals() {
    }

    /** Reads {@code consumed}, records of all partitions in order within each partition. */
    static Arrivals of(List<ConsumerRecord<byte[], byte[]>> consumed) {
        Arrivals a = new Arrivals();
        Map<String, List<Copy>> copiesById = new LinkedHashMap<>();
        List<Copy> all = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumed) {
            a.records++;
            Copy copy = Copy.of(r);
            all.add(copy);
            if (copy.id == null) {
                a.problems.add("record " + copy.number + " has no " + EVENT_ID_HEADER + " header");
            } else {
                copiesById.computeIfAbsent(copy.id, id -> new ArrayList<>()).add(copy);
            }
        }
        Set<String> spread = new TreeSet<>();
        for (Map.Entry<String, List<Copy>> entry : copiesById.entrySet()) {
            a.checkCopies(entry.getKey(), entry.getValue());
            if (entry.getValue().stream().map(c -> c.partition).distinct().count() > 1) {
                spread.add(entry.getKey());
            }
        }
        a.spreadEvents = spread.size();
        Map<Long, Copy> firstByNumber = new HashMap<>();
        all.forEach(copy -> firstByNumber.putIfAbsent(copy.number, copy));
        a.checkOrder(all, spread, firstByNumber);
        return a;
    }

    private void checkCopies(String id, List<Copy> copies) {
        Copy first = copies.get(0);
        duplicates += copies.size() - 1;
        for (Copy copy : copies) {
            if (!copy.value.equals(first.value)) {
                problems.add("event id " + id + " arrived with two different values");
            }
        }
        if (!numbers.add(first.number)) {
            problems.add("number " + first.number + " arrived under two different event ids");
        }
    }

    private void checkOrder(List<Copy> all, Set<String> spread, Map<Long, Copy> firstByNumber) {
        Map<Integer, Set<String>> seenByPartition = new HashMap<>();
        Map<Integer, TreeMap<Long, Copy>> anchorsByPartition = new TreeMap<>();
        Map<String, List<Copy>> spreadCopies = new LinkedHashMap<>();
        for (Copy copy : all) {
            if (copy.id == null || !seenByPartition.computeIfAbsent(copy.partition, p -> new HashSet<>()).add(copy.id)) {
                continue;
            }
            if (spread.contains(copy.id)) {
                spreadCopies.computeIfAbsent(copy.id, id -> new ArrayList<>()).add(copy);
                continue;
            }
            TreeMap<Long, Copy> anchors = anchorsByPartition.computeIfAbsent(copy.partition, p -> new TreeMap<>());
            Map.Entry<Long, Copy> last = anchors.lastEntry();
            if (last != null && last.getValue().number >= copy.number) {
                problems.add("partition " + copy.partition + " has " + copy.number + " (offset " + copy.offset
                        + ") after " + last.getValue().number + " (offset " + last.getKey() + "); "
                        + (copy.number - 1) + " is at " + firstByNumber.get(copy.number - 1));
            }
            anchors.put(copy.offset, copy);
        }
        for (List<Copy> copies : spreadCopies.values()) {
            if (copies.stream().noneMatch(c -> fitsBetweenNeighbours(c, anchorsByPartition.get(c.partition)))) {
                problems.add("event " + copies.get(0).number + " is out of order in every partition it arrived in: "
                        + copies);
            }
        }
    }

    private static boolean fitsBetweenNeighbours(Copy copy, TreeMap<Long, Copy> anchors) {
        if (anchors == null) {
            return true;
        }
        Map.Entry<Long, Copy> before = anchors.lowerEntry(copy.offset);
        Map.Entry<Long, Copy> after = anchors.higherEntry(copy.offset);
        return (before == null || before.getValue().number < copy.number)
                && (after == null || copy.number < after.getValue().number);
    }

    /** Numbers from {@code from} to {@code to} that did not arrive. */
    /**
     * Asserts that events 1 to {@code sent} all arrived and nothing else did; a failure names the
     * first missing ones.
     */
    void assertEveryEventArrived(long sent) {
        List<Long> lost = missing(1, sent);
        assertTrue(lost.isEmpty(), lost.size() + " events lost, the first " + lost.subList(0, Math.min(20, lost.size()))
                + "; " + this);
        assertEquals(sent, distinct(), "nothing arrived that was not logged: " + this);
    }

    List<Long> missing(long from, long to) {
        List<Long> m = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            if (!numbers.contains(n)) {
                m.add(n);
            }
        }
        return m;
    }

    /** Every problem found: a missing header, copies that differ, a number under two ids, a partition out of order. */
    List<String> problems() {
        return problems;
    }

    /** How many different numbers arrived. */
    int distinct() {
        return numbers.size();
    }

    /** How many records were further copies of an event id. */
    int duplicates() {
        return duplicates;
    }

    /** How many events arrived in more than one partition (must be zero; left out of the order check). */
    int spreadEvents() {
        return spreadEvents;
    }

    @Override
    public String toString() {
        return "records=" + records + " distinct=" + numbers.size() + " duplicates=" + duplicates
                + " spreadEvents=" + spreadEvents
                + " problems=" + (problems.size() > 5 ? problems.subList(0, 5) + "..." : problems);
    }

    /** One record of an event: where it is, its event id, its value and the number it carries. */
    private record Copy(int partition, long offset, String id, String value, long number) {
        @Override
        public String toString() {
            return "partition " + partition + " offset " + offset;
        }

        static Copy of(ConsumerRecord<byte[], byte[]> r) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            long number = Long.parseLong(String.valueOf(Records.parse(value).get("message")));
            Header idHeader = r.headers().lastHeader(EVENT_ID_HEADER);
            String id = idHeader == null ? null : new String(idHeader.value(), StandardCharsets.US_ASCII);
            return new Copy(r.partition(), r.offset(), id, value, number);
        }
    }
}
