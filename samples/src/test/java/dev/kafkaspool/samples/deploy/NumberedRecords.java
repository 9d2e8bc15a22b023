package dev.kafkaspool.samples.deploy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The {@code event N} numbers found in a topic's records, and which of 1..N are missing. */
final class NumberedRecords {
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"event (\\d+)\"");

    private NumberedRecords() {
    }

    /** The numbers of 1..count that no record carries. */
    static List<Long> missing(List<ConsumerRecord<byte[], byte[]>> records, long count) {
        TreeSet<Long> seen = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Matcher m = MESSAGE.matcher(new String(r.value(), StandardCharsets.UTF_8));
            if (m.find()) {
                seen.add(Long.parseLong(m.group(1)));
            }
        }
        TreeSet<Long> missing = new TreeSet<>();
        for (long i = 1; i <= count; i++) {
            if (!seen.contains(i)) {
                missing.add(i);
            }
        }
        return List.copyOf(missing);
    }
}
