package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The checks the fault tests rely on find what they look for. */
class ArrivalsTest {
    @Test
    void aCopyInItsFirstCopysPartitionIsADuplicateNotASpreadEvent() {
        Arrivals a = Arrivals.of(List.of(record(0, 0, "a-1", 1), record(0, 1, "a-2", 2), record(0, 2, "a-1", 1)));
        assertEquals(1, a.duplicates(), a.toString());
        assertEquals(0, a.spreadEvents(), a.toString());
        assertEquals(2, a.distinct(), a.toString());
    }

    @Test
    void aCopyInAnotherPartitionIsASpreadEvent() {
        Arrivals a = Arrivals.of(List.of(record(0, 0, "a-1", 1), record(1, 0, "a-2", 2), record(1, 1, "a-1", 1)));
        assertEquals(1, a.spreadEvents(), a.toString());
        assertTrue(a.problems().isEmpty(), a.toString());
    }

    @Test
    void anEventBehindANewerOneInItsPartitionIsAProblem() {
        Arrivals a = Arrivals.of(List.of(record(0, 0, "a-2", 2), record(0, 1, "a-1", 1)));
        assertEquals(1, a.problems().size(), a.toString());
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String id, long number) {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("t", partition, offset, null,
                ("{\"message\":\"" + number + "\"}").getBytes(StandardCharsets.UTF_8));
        r.headers().add(Arrivals.EVENT_ID_HEADER, id.getBytes(StandardCharsets.US_ASCII));
        return r;
    }
}
