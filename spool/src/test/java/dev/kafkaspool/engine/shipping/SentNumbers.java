package dev.kafkaspool.engine.shipping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The event numbers of records a mock producer took (a value starts {@code <number>:}), and the numbers expected. */
final class SentNumbers {
    private SentNumbers() {
    }

    static List<Long> of(List<ProducerRecord<byte[], byte[]>> records) {
        List<Long> numbers = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : records) {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            numbers.add(Long.parseLong(value.substring(0, value.indexOf(':'))));
        }
        return numbers;
    }

    /** {@code from} to {@code to}, both included. */
    static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
