package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.testbroker.Await;
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
 * Events for a topic that does not exist yet (a broker that does not create topics) are parked;
 * once the topic is created they ship through a 1 MiB producer buffer against a produce quota, so
 * the buffer fills while records of the topic are in flight. Kafka answers: the refused record is
 * sent again once those are answered, nothing is abandoned, and every event arrives once, in order.
 */
@Tag("broker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ParkedTopicFullBufferTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    private static final String TOPIC = "parked-full-buffer";
    private static final double BYTES_PER_SECOND = 1_000_000;
    /** Several MB of records against a 1 MiB producer buffer. */
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void parkedRecordsRefusedByAFullBufferAreSentOnceInOrder() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), Map.of("auto.create.topics.enable", "false"))) {
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = ThrottledPipeline.start(broker, dir, "parked-full", TOPIC, BYTES_PER_SECOND, status,
                    Map.of("durability", "disk"), Map.of("buffer.memory", "1048576"));
            try {
                for (int n = 1; n <= EVENTS; n++) {
                    assertTrue(pipeline.append(new PipelineEvent(Integer.toString(n))));
                }
                Await.until(() -> status.anyContains("WARN", "its events are parked")
                        && pipeline.stats().spoolEvents() == EVENTS, BOUND,
                        () -> "every event parked: " + pipeline.stats() + " " + status.warnings());
                broker.createTopic(TOPIC, 3);
                Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= EVENTS, BOUND,
                        () -> "every event shipped or dropped, stats " + pipeline.stats());
                EngineStats stats = pipeline.stats();
                Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
                System.out.println("ParkedTopicFullBufferTest: " + arrivals + " stats " + stats);
                assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats + " " + status.warnings());
                arrivals.assertEveryEventArrived(EVENTS);
                assertEquals(0, arrivals.duplicates(), "no copies without an outage: " + arrivals + " "
                        + status.warnings());
                assertEquals(0, arrivals.spreadEvents(), arrivals.toString());
                assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
                assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal() + stats.spoolEvents(),
                        stats.toString());
            } finally {
                pipeline.stop(Duration.ofSeconds(10));
            }
        }
    }
}
