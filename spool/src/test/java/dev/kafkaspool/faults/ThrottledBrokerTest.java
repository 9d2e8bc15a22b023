package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that throttles the engine's client with a produce quota ({@code producer_byte_rate})
 * below the rate the application logs at. Kafka acknowledges, only slowly: the events wait, in
 * the producer's buffer and then in the spool, and arrive once the quota is lifted; the engine
 * never takes the slow broker for an outage, because Kafka never goes {@code stallTimeout}
 * without acknowledging a record. Nothing is lost, every partition keeps logging order, the
 * counters add up.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ThrottledBrokerTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "throttled";
    /**
     * About a third of what the application sends (2,000 events/s of about 350 bytes, uncompressed
     * in small batches), and large against one request (three batches of 16 KiB): each throttle
     * pause lasts a fraction of a second.
     */
    private static final double BYTES_PER_SECOND = 250_000;
    private static final int LOGGED_WHILE_THROTTLED = 10_000;

    @TempDir
    Path dir;

    @Test
    void aThrottledBrokerIsSlowNotDown() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 3);
            String name = "throttled";
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = ThrottledPipeline.start(broker, dir, name, TOPIC, BYTES_PER_SECOND, status,
                    Map.of("stallTimeout", "2s"));
            SteadyLogger logger = SteadyLogger.start(pipeline);
            AtomicBoolean wentSpooling = new AtomicBoolean();
            long behindAtTheEnd;
            try {
                Await.until(() -> pipeline.stats().shipped() > 1_000, BOUND, () -> "shipping, stats " + pipeline.stats());
                long loggedBefore = logger.logged();
                Await.until(() -> {
                    wentSpooling.compareAndSet(false, pipeline.state() == EngineState.SPOOLING);
                    return logger.logged() > loggedBefore + LOGGED_WHILE_THROTTLED;
                }, BOUND, () -> "logging goes on");
                behindAtTheEnd = logger.logged() - pipeline.stats().shipped();
                ThrottledPipeline.lift(broker, name);
                long sent = logger.stop();

                Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                        () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
                Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
                EngineStats stats = pipeline.stats();
                System.out.println("ThrottledBrokerTest: sent=" + sent + " not yet shipped when the quota was lifted="
                        + behindAtTheEnd + " arrived distinct=" + arrivals.distinct() + " duplicates="
                        + arrivals.duplicates() + " spooled=" + stats.spooled() + " drained=" + stats.drained()
                        + " dropped=" + stats.droppedTotal() + " went spooling=" + wentSpooling.get());
                System.out.println("ThrottledBrokerTest status messages: " + status.warnings());

                assertTrue(behindAtTheEnd > LOGGED_WHILE_THROTTLED / 2,
                        "the quota held events back: " + behindAtTheEnd + " not shipped when it was lifted");
                assertEquals(List.of(), status.warnings().stream().filter(w -> w.contains("not taking events")).toList(),
                        "a slow broker is not an outage");
                assertTrue(!wentSpooling.get(), "the engine never went spooling");
                assertEquals(0, logger.refused(), "no log call was refused");
                arrivals.assertEveryEventArrived(sent);
                assertEquals(0, arrivals.duplicates(), "no copies without an outage: " + arrivals);
                assertEquals(sent, stats.accepted(), stats.toString());
                assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
                assertEquals(0, stats.droppedTotal(), stats.toString());
                assertEquals(0, stats.spoolEvents(), "the spool is empty at the end: " + stats);
                assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }
}
