package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At stop, the engine ships the spool unless Kafka is known to be down; a producer that has not yet
 * connected is not that. Mock producers stand in for Kafka: what is checked is when the stop gives
 * up. The same with real processes and a real broker is {@code ColdStartStopTest}'s and
 * {@code StopTest}'s.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StopConnectionTest {
    private static final String TOPIC = "stop-connection";
    private static final int EVENTS = 100;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path spoolDir;

    @Test
    void aProducerThatHasNotTriedToConnectYetIsWaitedForAndTheStopShipsTheSpool() throws Exception {
        UnconnectedProducer producer = new UnconnectedProducer();
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = spooled(producer, status);

        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> engine.stop(Duration.ofSeconds(30)));
        // Longer than a second without a connection and without a failed attempt: a slow start, not an outage.
        Thread.sleep(2_500);
        producer.connect();

        assertTrue(stop.get(), "the stop ends");
        EngineStats stats = engine.stats();
        assertEquals(EVENTS, stats.shipped(), stats + " " + status.messages());
        assertEquals(0, stats.spoolEvents(), stats.toString());
        assertEquals(SentNumbers.range(1, EVENTS), SentNumbers.of(producer.history()), "in order, once each");
    }

    @Test
    void aProducerWhoseConnectionsFailUnansweredIsGivenUpOnAndTheSpoolIsLeftForTheNextStart() throws Exception {
        UnconnectedProducer producer = new UnconnectedProducer();
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = spooled(producer, status);

        // Failing after 50 ms, every 200 ms (refused by a remote host where nothing listens, or a TLS handshake
        // that fails), for as long as the stop may take.
        Thread refusals = new Thread(() -> {
            try {
                while (true) {
                    producer.failsUnansweredAfter(50);
                    Thread.sleep(150);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        refusals.start();
        try {
            assertTrue(engine.stop(Duration.ofSeconds(20)), "the stop ends");
        } finally {
            refusals.interrupt();
        }
        assertTrue(status.messages().stream().anyMatch(m -> m.contains("no connection to Kafka")
                && m.contains(EVENTS + " event(s) stay in the")), status.messages().toString());
        assertEquals(EVENTS, engine.stats().spoolEvents(), engine.stats().toString());
        assertEquals(0, producer.history().size(), "nothing sent");
    }

    /** Starts an engine on {@code producer} and logs the events, which wait in the spool for it. */
    private SpoolEngine spooled(UnconnectedProducer producer, RecordingStatus status) {
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", spoolDir, Durability.DISK)
                .parse(EngineSettings.STALL_TIMEOUT, "10m").build();
        SpoolEngine engine = SpoolEngine.builder(config).status(status).producerFactory(props -> producer).start();
        new TestEvents(engine, TOPIC, 10).submitRange(1, EVENTS);
        Await.until(() -> engine.stats().spoolEvents() == EVENTS, BOUND,
                () -> "the events wait in the spool for the producer: " + engine.stats());
        return engine;
    }
}
