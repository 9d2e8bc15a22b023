package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.Events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broker paused with SIGSTOP for longer than {@code stallTimeout} under steady logging, then let
 * go on. Unlike a kill, the connection stays open and nothing says Kafka is gone: only the missing
 * acknowledgements do. The engine spools while the broker is paused and drains after; nothing is
 * lost, copies carry their first copy's event id and stay in its partition, every partition keeps
 * logging order, the counters add up, and the producers given up on are closed, not piled up.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PausedBrokerTest {
    private static final Duration BOUND = Duration.ofSeconds(120);
    /** Events logged while paused: 4 s at about 2,000 events/s, twice {@code stallTimeout}. */
    private static final int LOGGED_WHILE_PAUSED = 8_000;

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    PausedBrokerTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest(name = "durability={0}")
    @ValueSource(strings = {"memory", "disk"})
    void aBrokerPausedLongerThanStallTimeoutLosesNothing(String durability) throws Exception {
        String topic = "paused-" + durability;
        broker.createTopic(topic, 3);
        RecordingStatus status = new RecordingStatus();
        String name = "paused-" + durability;
        LogPipeline pipeline = LogPipeline.builder().status(status)
                .set("name", name)
                .set("bootstrapServers", broker.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("topic", topic)
                .set("durability", durability)
                .set("stallTimeout", "2s")
                .start();
        SteadyLogger logger = SteadyLogger.start(pipeline);
        int producerThreadsWhilePaused;
        try {
            Await.until(() -> pipeline.stats().shipped() > 1_000, BOUND, () -> "shipping, stats " + pipeline.stats());
            broker.pause();
            try {
                long loggedAtPause = logger.logged();
                Await.until(() -> logger.logged() > loggedAtPause + LOGGED_WHILE_PAUSED, BOUND, () -> "logging goes on");
                Await.until(() -> pipeline.state() == EngineState.SPOOLING, BOUND,
                        () -> "the pause is noticed, state " + pipeline.state() + ", stats " + pipeline.stats());
                producerThreadsWhilePaused = producerThreads(name);
            } finally {
                broker.resume();
            }
            long shippedAtResume = pipeline.stats().shipped();
            Await.until(() -> pipeline.stats().shipped() > shippedAtResume + LOGGED_WHILE_PAUSED, BOUND,
                    () -> "the spool drains after the pause, stats " + pipeline.stats());
            long sent = logger.stop();

            Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                    () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
            Arrivals arrivals = Arrivals.of(broker.consumeAll(topic, BOUND));
            EngineStats stats = pipeline.stats();
            System.out.println("PausedBrokerTest " + durability + ": sent=" + sent + " arrived distinct="
                    + arrivals.distinct() + " duplicates=" + arrivals.duplicates() + " (in more than one partition: "
                    + arrivals.spreadEvents() + ") spooled=" + stats.spooled() + " drained=" + stats.drained()
                    + " dropped=" + stats.droppedTotal() + " producer threads while paused=" + producerThreadsWhilePaused);
            System.out.println("PausedBrokerTest status messages: " + status.warnings());

            assertEquals(0, logger.refused(), "no log call was refused");
            arrivals.assertEveryEventArrived(sent);
            assertEquals(sent, stats.accepted(), stats.toString());
            assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
            assertEquals(0, stats.droppedTotal(), stats.toString());
            assertTrue(stats.drained() >= LOGGED_WHILE_PAUSED, "what was logged while paused was spooled and drained: " + stats);
            assertEquals(0, stats.spoolEvents(), "the spool is empty at the end: " + stats);
            assertTrue(producerThreadsWhilePaused <= 2,
                    producerThreadsWhilePaused + " producer I/O threads while paused: producers given up on must be closed");
            assertEquals(0, arrivals.spreadEvents(), "every copy landed in its first copy's partition: " + arrivals);
            assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
        } finally {
            logger.stop();
            assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
        }
    }

    /** Live I/O threads of the pipeline's producers: one per producer not yet closed. */
    private static int producerThreads(String name) {
        String prefix = "kafka-producer-network-thread | kafka-spool-" + name;
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(prefix)).count();
    }
}
