package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.Ticker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProducerLifecycleTest {

    @Test
    void aProducerStillBeingCreatedAtShutdownIsClosedOnceItExists() throws Exception {
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MockProducer<byte[], byte[]> created = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        ProducerFactory slow = properties -> {
            creating.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return created;
        };
        EngineCounters counters = new EngineCounters();
        ProducerLifecycle lifecycle = new ProducerLifecycle("test", slow, Map.of(), List.of(),
                new ProblemReporter("test", new RecordingStatus(), counters, Ticker.SYSTEM));

        assertNull(lifecycle.poll(), "creation starts in the background");
        assertTrue(creating.await(30, TimeUnit.SECONDS));
        lifecycle.shutdown(null, Duration.ofMillis(100)); // returns while the creation still runs
        assertFalse(created.closed());

        release.countDown();
        Thread t = lifecycle.thread();
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(created.closed(), "the producer made after shutdown is closed, not leaked");
    }

    @Test
    void aNewProducerAsksForTheExpectedTopicsMetadataAndIsHandedOutWithoutIt() throws Exception {
        CountDownLatch made = new CountDownLatch(1);
        List<String> asked = new CopyOnWriteArrayList<>();
        MockProducer<byte[], byte[]> created = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic) {
                asked.add(topic);
                // What a producer with max.block.ms=0 does while the metadata is not there yet.
                throw new TimeoutException("Topic " + topic + " not present in metadata after 0 ms.");
            }
        };
        ProducerFactory factory = properties -> {
            made.countDown();
            return created;
        };
        ProducerLifecycle lifecycle = new ProducerLifecycle("test", factory, Map.of(),
                List.of("logs", "not a topic name", "logs.errors"),
                new ProblemReporter("test", new RecordingStatus(), new EngineCounters(), Ticker.SYSTEM));

        assertNull(lifecycle.poll(), "creation starts in the background");
        assertTrue(made.await(30, TimeUnit.SECONDS));
        Producer<byte[], byte[]> handedOut = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handedOut == null && System.nanoTime() < deadline) {
            handedOut = lifecycle.poll();
            Thread.sleep(1);
        }
        assertSame(created, handedOut, "the producer refusing at once to wait for metadata is still handed out");
        assertEquals(List.of("logs", "logs.errors"), asked, "only names Kafka accepts are asked for, in order");
        lifecycle.shutdown(null, Duration.ZERO);
    }
}
