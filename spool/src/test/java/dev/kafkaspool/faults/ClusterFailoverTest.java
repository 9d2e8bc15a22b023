package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pod.RecordingStatus;
import dev.kafkaspool.testbroker.KafkaCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A three-node cluster loses two nodes, one after the other, to kill -9 while an application
 * logs at a steady rate, then gets both back. The topic has three replicas and
 * {@code min.insync.replicas=2}: with one node down Kafka still takes events; with two down it
 * cannot, and the events wait in the spool until the nodes are back. Nothing is lost, copies carry
 * the event id of the first, every partition keeps logging order, and the counters add up. Both
 * durabilities.
 */
@Tag("slow")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ClusterFailoverTest {
    private static final String TOPIC = "cluster-failover";
    private static final int PARTITIONS = 3;
    private static final Duration BOUND = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "durability={0}")
    @ValueSource(strings = {"memory", "disk"})
    void twoOfThreeNodesKilledUnderLoadLoseNothingAndKeepOrder(String durability) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(dir.resolve("cluster"), 3)) {
            cluster.createTopic(TOPIC, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = LogPipeline.builder().status(status)
                    .set("name", "cluster-failover")
                    .set("bootstrapServers", cluster.bootstrapServers())
                    .set("spoolDir", dir.resolve("spool").toString())
                    .set("topic", TOPIC)
                    .set("durability", durability)
                    .start();
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                Await.until(() -> pipeline.stats().shipped() > 2_000, BOUND,
                        () -> "shipping with every node up, stats " + pipeline.stats());

                cluster.kill(0);
                long loggedAtFirstKill = logger.logged();
                long shippedAtFirstKill = pipeline.stats().shipped();
                Await.until(() -> pipeline.stats().shipped() > shippedAtFirstKill + 4_000, BOUND,
                        () -> "shipping goes on with one node down, stats " + pipeline.stats());

                cluster.kill(1);
                long spooledAtSecondKill = pipeline.stats().spooled();
                long loggedAtSecondKill = logger.logged();
                Await.until(() -> logger.logged() > loggedAtSecondKill + 6_000, BOUND, () -> "logging goes on");
                Await.until(() -> pipeline.stats().spooled() > spooledAtSecondKill + 1_000, BOUND,
                        () -> "events wait in the spool while two nodes are down, stats " + pipeline.stats());

                cluster.restart(0);
                cluster.restart(1);
                long loggedAtRestart = logger.logged();
                Await.until(() -> logger.logged() > loggedAtRestart + 4_000, BOUND, () -> "logging goes on");
                long sent = logger.stop();
                System.out.println("ClusterFailoverTest phases: first kill after number " + loggedAtFirstKill
                        + ", second kill after " + loggedAtSecondKill + ", restarts done after " + loggedAtRestart);

                Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                        () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
                Arrivals arrivals = Arrivals.of(cluster.consumeAll(TOPIC, BOUND));
                EngineStats stats = pipeline.stats();
                System.out.println("ClusterFailoverTest " + durability + ": sent=" + sent
                        + " arrived distinct=" + arrivals.distinct() + " duplicates=" + arrivals.duplicates()
                        + " (in two partitions: " + arrivals.spreadEvents() + ")"
                        + " spooled=" + stats.spooled()
                        + " drained=" + stats.drained() + " dropped=" + stats.droppedTotal());
                System.out.println("ClusterFailoverTest status messages: " + status.warnings());

                assertEquals(0, logger.refused(), "no log call was refused");
                List<Long> lost = arrivals.missing(1, sent);
                assertTrue(lost.isEmpty(), lost.size() + " events lost, the first " + first(lost) + "; " + arrivals);
                assertEquals(sent, arrivals.distinct(), "nothing arrived that was not logged: " + arrivals);
                assertEquals(sent, stats.accepted(), stats.toString());
                assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
                assertEquals(0, stats.droppedTotal(), stats.toString());
                assertTrue(stats.drained() > 0, "events were shipped from the spool: " + stats);
                assertEquals(0, stats.spoolRecords(), "the spool is empty at the end: " + stats);
                // Last, so that a failure here says every check above held.
                assertTrue(arrivals.problems().isEmpty(), arrivals.problems().size() + " problems: " + arrivals);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    private static List<Long> first(List<Long> numbers) {
        return numbers.subList(0, Math.min(20, numbers.size()));
    }
}
