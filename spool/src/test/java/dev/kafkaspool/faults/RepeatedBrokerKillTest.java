package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A single broker is killed with -9 and restarted {@value #KILLS} times in a row while an
 * application logs at a steady rate. Each time Kafka first takes events again, then dies while
 * logging goes on. Nothing is lost, copies carry the event id of the first, every partition keeps
 * logging order, and the counters add up. Both durabilities.
 */
@Tag("broker")
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class RepeatedBrokerKillTest {
    private static final int KILLS = 10;
    private static final String TOPIC = "repeated-kill";
    private static final int PARTITIONS = 3;
    private static final Duration BOUND = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "durability={0}")
    @ValueSource(strings = {"memory", "disk"})
    void tenKillsInARowLoseNothingAndKeepOrder(String durability) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            broker.createTopic(TOPIC, PARTITIONS);
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = LogPipeline.builder().status(status)
                    .set("name", "repeated-kill")
                    .set("bootstrapServers", broker.bootstrapServers())
                    .set("spoolDir", dir.resolve("spool").toString())
                    .set("topic", TOPIC)
                    .set("durability", durability)
                    .start();
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    long shippedBefore = pipeline.stats().shipped();
                    int round = kill;
                    Await.until(() -> pipeline.stats().shipped() > shippedBefore + 1_000, BOUND,
                            () -> "Kafka takes events before kill " + round + ", stats " + pipeline.stats());
                    broker.kill();
                    long loggedAtKill = logger.logged();
                    Await.until(() -> logger.logged() > loggedAtKill + 2_000, BOUND, () -> "logging goes on");
                    broker.restart();
                }
                long loggedAfterLastRestart = logger.logged();
                Await.until(() -> logger.logged() > loggedAfterLastRestart + 2_000, BOUND, () -> "logging goes on");
                long sent = logger.stop();

                Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                        () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
                Arrivals arrivals = Arrivals.of(broker.consumeAll(TOPIC, BOUND));
                EngineStats stats = pipeline.stats();
                System.out.println("RepeatedBrokerKillTest " + durability + ": kills=" + KILLS + " sent=" + sent
                        + " arrived distinct=" + arrivals.distinct() + " duplicates=" + arrivals.duplicates()
                        + " (in more than one partition: " + arrivals.spreadEvents() + ")" + " spooled=" + stats.spooled()
                        + " drained=" + stats.drained() + " dropped=" + stats.droppedTotal());
                System.out.println("RepeatedBrokerKillTest status messages: " + status.warnings());

                assertEquals(0, logger.refused(), "no log call was refused");
                arrivals.assertEveryEventArrived(sent);
                assertEquals(sent, stats.accepted(), stats.toString());
                assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
                assertEquals(0, stats.droppedTotal(), stats.toString());
                assertTrue(stats.drained() > 0, "events were shipped from the spool: " + stats);
                assertEquals(0, stats.spoolEvents(), "the spool is empty at the end: " + stats);
                assertEquals(0, arrivals.spreadEvents(), "every copy landed in its first copy's partition: " + arrivals);
                // Last, so that a failure here says every check above held.
                assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }
}
