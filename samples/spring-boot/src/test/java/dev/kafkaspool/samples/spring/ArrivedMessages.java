package dev.kafkaspool.samples.spring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.kafkaspool.testbroker.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records of a log topic, read with the test broker's consumer, as ECS JSON. */
final class ArrivedMessages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArrivedMessages() {
    }

    /** The messages {@link OrderIntake} logs for {@code count} orders. */
    static Set<String> orders(int count) {
        Set<String> messages = IntStream.rangeClosed(1, count).mapToObj(i -> "order " + i + " accepted")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        messages.add("all orders logged: " + count);
        return messages;
    }

    /**
     * Reads the topic to its end again and again until every one of {@code expected} arrived, or
     * {@link OrdersProcess#HANG_BOUND} passed; returns the records read last.
     */
    static List<JsonNode> await(KafkaBroker broker, String topic, Set<String> expected) throws InterruptedException {
        long end = System.nanoTime() + OrdersProcess.HANG_BOUND.toNanos();
        List<JsonNode> records = read(broker, topic);
        while (!messagesOf(records).containsAll(expected) && System.nanoTime() < end) {
            Thread.sleep(500);
            records = read(broker, topic);
        }
        return records;
    }

    static List<JsonNode> read(KafkaBroker broker, String topic) {
        List<JsonNode> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : broker.consumeAll(topic, OrdersProcess.HANG_BOUND)) {
            records.add(JSON.readTree(record.value()));
        }
        return records;
    }

    static Set<String> messagesOf(List<JsonNode> records) {
        return records.stream().map(r -> r.path("message").asString()).collect(Collectors.toSet());
    }

    /** The expected messages that are not among the records. */
    static Set<String> missing(List<JsonNode> records, Set<String> expected) {
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(messagesOf(records));
        return missing;
    }
}
