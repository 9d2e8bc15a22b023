package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Disk durability against a broker that answers, slowly (a produce quota): the application logs
 * flat out, every event goes to the spool, and the spool reaches its cap while Kafka drains it.
 * A logging thread then waits for room (at most a tenth of {@code blockTimeout} each time)
 * instead of the full policy dropping events: every event arrives, in order, none is dropped.
 * Without the wait, about a third of this burst was dropped ({@code spoolFull}).
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ThrottledDiskSpoolTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "throttled-disk";
    private static final double BYTES_PER_SECOND = 500_000;
    /** About 2 MB of records against a 1 MiB spool. */
    private static final int EVENTS = 6_000;

    @TempDir
    Path dir;

    @Test
    void aFullSpoolThatKafkaDrainsIsWaitedFor() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, 1);
            String name = "throttled-disk";
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = ThrottledPipeline.start(broker, dir, name, TOPIC, BYTES_PER_SECOND, status,
                    Map.of("durability", "disk", "maxBytes", "1MiB"));
            try {
                int refused = ThrottledPipeline.burst(pipeline, EVENTS, BOUND);
                EngineStats stats = pipeline.stats();
                Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
                assertEquals(0, refused, "no log call was refused: " + stats);
                assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats + " " + status.warnings());
                arrivals.assertEveryEventArrived(EVENTS);
            } finally {
                pipeline.stop(Duration.ofSeconds(10));
            }
        }
    }
}
