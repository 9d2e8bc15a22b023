package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.Ticker;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
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
        ProducerLifecycle lifecycle = new ProducerLifecycle("test", slow, Map.of(),
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
}
