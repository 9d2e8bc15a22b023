package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineAwait;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record Kafka gives up on closes its producer inside the record's callback, before that
 * producer can send anything more; the engine then ships every event again, in order, through a
 * new producer. Mock producers stand in for Kafka here: what is checked is who closes the producer
 * and when, and the order the engine sends in. Delivery through a real cluster is
 * {@code ClusterFailoverTest}'s.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ShippingProducerTest {
    private static final String TOPIC = "abandon";

    @TempDir
    Path spoolDir;

    @Test
    void aFailureAnsweredOnTheProducersThreadClosesItThereAndThen() throws Exception {
        MockProducer<byte[], byte[]> mock = mockProducer(false);
        ShippingProducer producer = new ShippingProducer(mock, Thread.currentThread(), problems());

        InFlight record = record(producer);
        Thread ioThread = new Thread(() -> record.onCompletion(null, new KafkaException("batch expired")));
        ioThread.start();
        ioThread.join();

        assertTrue(mock.closed(), "closed inside the callback");
        assertTrue(producer.isClosed());
        assertEquals("batch expired", producer.abandonedFor().getMessage());
    }

    @Test
    void aFailureReportedInsideSendOnTheShipperThreadLeavesTheProducerToTheShipper() {
        MockProducer<byte[], byte[]> mock = mockProducer(false);
        ShippingProducer producer = new ShippingProducer(mock, Thread.currentThread(), problems());

        record(producer).onCompletion(null, new KafkaException("refused at once"));

        assertFalse(mock.closed());
        assertFalse(producer.isClosed());
    }

    @Test
    void onlyTheFirstCloseClosesTheClient() {
        List<Duration> closes = new ArrayList<>();
        MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public void close(Duration timeout) {
                closes.add(timeout);
                super.close(timeout);
            }
        };
        ShippingProducer producer = new ShippingProducer(mock, Thread.currentThread(), problems());

        producer.close(Duration.ZERO);
        producer.close(Duration.ofSeconds(5));

        assertEquals(List.of(Duration.ZERO), closes);
    }

    @Test
    void afterAFailedRecordNothingMoreGoesToItsProducerAndANewOneShipsEverythingInOrder() {
        List<MockProducer<byte[], byte[]>> created = new CopyOnWriteArrayList<>();
        AtomicReference<MockProducer<byte[], byte[]>> first = new AtomicReference<>();
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", spoolDir, Durability.MEMORY).build();
        SpoolEngine engine = SpoolEngine.builder(config).status(new RecordingStatus()).producerFactory(props -> {
            // The first producer leaves records unanswered, so the test answers them; the next ones acknowledge at once.
            MockProducer<byte[], byte[]> p = mockProducer(!created.isEmpty());
            first.compareAndSet(null, p);
            created.add(p);
            return p;
        }).start();
        try {
            TestEvents events = new TestEvents(engine, TOPIC, 10);
            Await.until(() -> engine.state() == EngineState.SHIPPING, Duration.ofSeconds(60),
                    () -> "the engine sends straight to the producer, state " + engine.state());
            MockProducer<byte[], byte[]> failing = first.get();
            events.submitRange(1, 10);
            // The partition's first record goes alone; Kafka acknowledges it (see FirstBatches).
            Await.until(() -> failing.history().size() == 1, Duration.ofSeconds(60),
                    () -> "event 1 sent alone: " + SentNumbers.of(failing.history()));
            assertTrue(failing.completeNext());
            Await.until(() -> failing.history().size() == 10, Duration.ofSeconds(60),
                    () -> "events 1 to 10 sent straight to the first producer: " + SentNumbers.of(failing.history()));

            // On this thread, as if on the producer's I/O thread: Kafka gives up on event 2.
            assertTrue(failing.errorNext(new KafkaException("batch expired")));
            assertTrue(failing.closed(), "the failed record's callback closed its producer");

            events.submitRange(11, 20);
            EngineAwait.shipped(engine, 20);
            assertEquals(10, failing.history().size(), "nothing was sent to the closed producer after the failure");
            MockProducer<byte[], byte[]> next = created.get(created.size() - 1);
            assertEquals(SentNumbers.range(2, 20), SentNumbers.of(next.history()),
                    "the new producer got every event, from the failed one on, once and in order");
            EngineStats stats = engine.stats();
            assertEquals(0, stats.droppedTotal(), stats.toString());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
    }

    /** A record sent through {@code producer}, whose callback the test runs. */
    private static InFlight record(ShippingProducer producer) {
        return new InFlight(new InFlightWindow(), producer, InFlight.DIRECT, 0, 1, 1, 0, LogLevel.INFO, TOPIC, null,
                new byte[0]);
    }

    /** A mock producer that leaves records to the test to answer unless {@code autoComplete} (a flush answers none). */
    private static MockProducer<byte[], byte[]> mockProducer(boolean autoComplete) {
        return new FullableProducer(autoComplete);
    }

    private static ProblemReporter problems() {
        return new ProblemReporter("test", new RecordingStatus(), new EngineCounters(), Ticker.SYSTEM);
    }
}
