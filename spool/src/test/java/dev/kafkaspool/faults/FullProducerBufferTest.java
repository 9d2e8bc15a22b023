package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory durability against a broker that answers, slowly (a produce quota), with a small producer
 * buffer: events are sent straight from memory until the buffer is full, then the spool takes over.
 * The records the producer holds at that moment are copied to the spool, ahead of every newer
 * event, and the producer still delivers them: each copy is committed without being sent once its
 * original is acknowledged. Every event arrives exactly once, in order, and the counters add up.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FullProducerBufferTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "full-buffer";
    private static final double BYTES_PER_SECOND = 500_000;
    /** Several MB of records against a 1 MiB producer buffer. */
    private static final int EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void recordsTheProducerKeepsAreNotSentAgain() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 3);
            String name = "full-buffer";
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = ThrottledPipeline.start(broker, dir, name, TOPIC, BYTES_PER_SECOND, status,
                    Map.of("durability", "memory"), Map.of("buffer.memory", "1048576"));
            try {
                int refused = ThrottledPipeline.burst(pipeline, EVENTS, BOUND);
                EngineStats stats = pipeline.stats();
                Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
                System.out.println("FullProducerBufferTest: " + arrivals + " stats " + stats);
                assertTrue(stats.spooled() > 100, "the producer's buffer filled and the spool took over: " + stats);
                assertEquals(0, refused, "no log call was refused: " + stats);
                assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats + " " + status.warnings());
                arrivals.assertEveryEventArrived(EVENTS);
                assertEquals(0, arrivals.duplicates(), "no copies without an outage: " + arrivals);
                assertEquals(0, arrivals.spreadEvents(), arrivals.toString());
                assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
                assertEquals(EVENTS, stats.accepted(), stats.toString());
                assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal() + stats.spoolEvents(),
                        stats.toString());
                assertEquals(stats.spooled(), stats.drained() + stats.spoolEvents(), "each spooled event left the "
                        + "spool once: " + stats);
            } finally {
                pipeline.stop(Duration.ofSeconds(10));
            }
        }
    }
}
