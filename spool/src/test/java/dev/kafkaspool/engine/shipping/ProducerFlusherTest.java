package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.testbroker.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The flushing thread: it flushes the producer it is asked to (a mock whose flush answers what it
 * holds, as a broker answering a flushed batch), one asked for during a flush after it, goes on
 * after a flush that failed, and ends when stopped. That a real producer then sends a partition's
 * first record without lingering is {@code FirstRecordAtOnceTest}'s.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProducerFlusherTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ProducerFlusher flusher = new ProducerFlusher("test-flusher");

    @Test
    void theRecordsAProducerHoldsAreFlushedOnAThreadOfItsOwn() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        Future<RecordMetadata> held = producer.send(new ProducerRecord<>("logs", new byte[1]));
        assertNull(flusher.thread(), "no thread before the first flush");
        try {
            flusher.flush(producer);
            Await.until(held::isDone, BOUND, () -> "the held record was flushed");
            Thread t = flusher.thread();
            assertEquals("test-flusher", t.getName());
            assertTrue(t.isDaemon(), "it does not keep the JVM alive");
        } finally {
            flusher.stop();
        }
        flusher.thread().join(BOUND.toMillis());
        assertFalse(flusher.thread().isAlive(), "stopped while waiting for the next flush");
    }

    @Test
    void aFlushAskedForWhileOneRunsFollowsItAndAFailedOneEndsNothing() throws Exception {
        CountDownLatch firstRuns = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public void flush() {
                int n = flushes.incrementAndGet();
                if (n == 1) {
                    firstRuns.countDown();
                    await(release);
                    throw new KafkaException("the producer was closed");
                }
            }
        };
        try {
            flusher.flush(producer);
            assertTrue(firstRuns.await(BOUND.toSeconds(), TimeUnit.SECONDS));
            flusher.flush(producer); // asked for while the first still runs
            assertEquals(1, flushes.get(), "the second waits for the first");
            release.countDown();
            Await.until(() -> flushes.get() == 2, BOUND, () -> "the second flush ran after the failed first: "
                    + flushes.get());
            flusher.flush(producer);
            Await.until(() -> flushes.get() == 3, BOUND, () -> "and the next one: " + flushes.get());
        } finally {
            release.countDown();
            flusher.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
