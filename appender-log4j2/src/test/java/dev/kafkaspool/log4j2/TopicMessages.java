package dev.kafkaspool.log4j2;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.kafkaspool.testbroker.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a topic until the records of interest have all arrived: other records (the Kafka client's
 * own logs, when a test logs them) may share the topic, and duplicates (at-least-once) may occur.
 */
final class TopicMessages {
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private TopicMessages() {
    }

    /**
     * The parsed records whose {@code message} field passes {@code wanted}, once {@code expected}
     * distinct such messages arrived or the hang guard passed (the caller's assertions then fail).
     */
    static List<Map<String, Object>> await(KafkaBroker broker, String topic, Predicate<String> wanted, int expected) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        int ask = expected;
        List<Map<String, Object>> matching = new ArrayList<>();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, ask, Duration.ofSeconds(60));
            matching.clear();
            Set<String> distinct = new LinkedHashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                Map<String, Object> fields = Json.parse(r.value());
                Object message = fields.get("message");
                if (message instanceof String && wanted.test((String) message)) {
                    matching.add(fields);
                    distinct.add((String) message);
                }
            }
            if (distinct.size() >= expected || System.nanoTime() - deadline > 0) {
                return matching;
            }
            ask = records.size() + (expected - distinct.size());
        }
    }

    /** The raw values of the first {@code expected} records. */
    static List<String> values(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : broker.consume(topic, expected, Duration.ofSeconds(60))) {
            values.add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The distinct messages among the records. */
    static Set<String> messages(List<Map<String, Object>> records) {
        Set<String> messages = new LinkedHashSet<>();
        for (Map<String, Object> r : records) {
            messages.add((String) r.get("message"));
        }
        return messages;
    }
}
