package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.FarBroker;
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
 * Disk durability against a healthy broker that takes events more slowly than the application
 * logs them: the application logs 6,000 events flat out, every event goes to a spool of 1 MiB,
 * which cannot hold them all, and the spool reaches its cap while Kafka drains it. A logging
 * thread then waits for room, while Kafka has answered within the last {@code blockTimeout}, for
 * at most {@code blockTimeout} each time, instead of the full policy dropping events: every event
 * arrives, in logging order, none is dropped. Without the wait, about a third of the throttled
 * burst was dropped ({@code spoolFull}); with the wait lasting only while an answer came within a
 * tenth of {@code blockTimeout}, about half of the far broker's.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SlowBrokerFullSpoolTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "slow-broker";
    private static final int EVENTS = 6_000;

    @TempDir
    Path dir;

    /** A produce quota of 500,000 bytes/s on the engine's client id: Kafka answers, slowly. */
    @Test
    void aFullSpoolThatAThrottledBrokerDrainsIsWaitedFor() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 1);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = ThrottledPipeline.start(broker, dir, "throttled-disk", TOPIC, 500_000, status,
                    Map.of("durability", "disk", "maxBytes", "1MiB"));
            burstArrivesWhole(pipeline, broker, status);
        }
    }

    /**
     * A broker 300 ms away (a broker in another region), with the engine's own producer settings:
     * Kafka acknowledges one request per round trip, so its answers come 300 ms apart, three times a
     * tenth of {@code blockTimeout}.
     */
    @Test
    void aFullSpoolThatAFarBrokerDrainsIsWaitedFor() throws Exception {
        try (FarBroker far = FarBroker.start(dir.resolve("broker"), 300)) {
            far.broker().createTopic(TOPIC, 1);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = LogPipeline.builder().status(status)
                    .set("name", "far-disk")
                    .set("bootstrapServers", far.bootstrapServers())
                    .set("spoolDir", dir.resolve("spool").toString())
                    .set("topic", TOPIC)
                    .set("podInfoDir", dir.resolve("none").toString())
                    .set("durability", "disk")
                    .set("maxBytes", "1MiB")
                    .start();
            burstArrivesWhole(pipeline, far.broker(), status);
        }
    }

    private static void burstArrivesWhole(LogPipeline pipeline, KafkaBroker broker, RecordingStatus status) {
        try {
            int refused = ThrottledPipeline.burst(pipeline, EVENTS, BOUND);
            EngineStats stats = pipeline.stats();
            Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
            System.out.println("arrivals: " + arrivals + "; " + stats);
            assertEquals(0, refused, "no log call was refused: " + stats);
            assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats + " " + status.warnings());
            arrivals.assertEveryEventArrived(EVENTS);
            assertTrue(arrivals.problems().isEmpty(), "in logging order, no copy that differs: " + arrivals);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
    }
}
