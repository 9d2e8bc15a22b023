package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A three-node cluster (every node broker and controller) loses nodes to kill -9 while an
 * application logs at a steady rate, then gets them back. Nothing is lost, copies carry the event
 * id of the first and stay in its partition, every partition keeps logging order, and the counters
 * add up. Both durabilities, two ways for Kafka to stop taking events:
 *
 * <ul>
 *   <li>two of three nodes killed one after the other, the topic with three replicas and
 *       {@code min.insync.replicas=2}: the second kill also takes the controller quorum (one voter
 *       of three is left), so the in-sync replica sets cannot shrink and no leader can be elected;
 *       Kafka stops acknowledging because the records wait for replicas that are gone, not because
 *       of {@code min.insync.replicas};
 *   <li>one node killed, the topic with {@code min.insync.replicas=3}: the quorum holds, the
 *       controller takes the dead node out of the in-sync replica sets, and Kafka refuses records
 *       with {@code NOT_ENOUGH_REPLICAS} (checked with a producer of the test's own, on a topic
 *       configured alike).
 * </ul>
 */
@Tag("broker")
@Tag("slow")
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterFailoverTest {
    private static final String TOPIC = "cluster-failover";
    /** Configured as the topic, and written only by the test's own producer. */
    private static final String PROBE_TOPIC = "cluster-failover-probe";
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
            LogPipeline pipeline = start(cluster, durability, status);
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
                long loggedAtSecondKill = logger.logged();
                Await.until(() -> logger.logged() > loggedAtSecondKill + 6_000, BOUND, () -> "logging goes on");
                // Unshipped records in the spool, not spooled(): in disk durability every event is spooled.
                Await.until(() -> pipeline.stats().spoolEvents() > 1_000, BOUND,
                        () -> "events wait in the spool while two nodes are down, stats " + pipeline.stats());

                cluster.restart(0);
                cluster.restart(1);
                long loggedAtRestart = logger.logged();
                Await.until(() -> logger.logged() > loggedAtRestart + 4_000, BOUND, () -> "logging goes on");
                long sent = logger.stop();
                System.out.println("ClusterFailoverTest phases: first kill after number " + loggedAtFirstKill
                        + ", second kill after " + loggedAtSecondKill + ", restarts done after " + loggedAtRestart);
                assertEverythingArrived("two nodes down, " + durability, cluster, pipeline, status, logger, sent);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    @ParameterizedTest(name = "durability={0}")
    @ValueSource(strings = {"memory", "disk"})
    void oneNodeDownBelowMinInsyncReplicasHoldsEventsInTheSpoolAndLosesNothing(String durability) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(dir.resolve("cluster"), 3)) {
            cluster.createTopic(TOPIC, PARTITIONS, 3, Map.of("min.insync.replicas", "3"));
            cluster.createTopic(PROBE_TOPIC, PARTITIONS, 3, Map.of("min.insync.replicas", "3"));
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = start(cluster, durability, status);
            SteadyLogger logger = SteadyLogger.start(pipeline);
            try {
                Await.until(() -> pipeline.stats().shipped() > 2_000, BOUND,
                        () -> "shipping with every node up, stats " + pipeline.stats());

                cluster.kill(0);
                long loggedAtKill = logger.logged();
                String survivors = cluster.bootstrapServers(1) + "," + cluster.bootstrapServers(2);
                Await.until(() -> everyPartitionRefusesForTooFewInsyncReplicas(survivors), BOUND,
                        () -> "Kafka answers NOT_ENOUGH_REPLICAS on every partition with one node down");
                long refusedAfter = logger.logged();
                Await.until(() -> logger.logged() > refusedAfter + 4_000, BOUND, () -> "logging goes on");
                Await.until(() -> pipeline.stats().spoolEvents() > 1_000, BOUND,
                        () -> "events wait in the spool while Kafka refuses them, stats " + pipeline.stats());

                cluster.restart(0);
                long loggedAtRestart = logger.logged();
                Await.until(() -> logger.logged() > loggedAtRestart + 4_000, BOUND, () -> "logging goes on");
                long sent = logger.stop();
                System.out.println("ClusterFailoverTest phases: kill after number " + loggedAtKill
                        + ", NOT_ENOUGH_REPLICAS on every partition after " + refusedAfter
                        + ", restart done after " + loggedAtRestart);
                assertEverythingArrived("below min.insync.replicas, " + durability, cluster, pipeline, status, logger,
                        sent);
            } finally {
                logger.stop();
                assertTrue(pipeline.stop(Duration.ofSeconds(30)), "the pipeline stops");
            }
        }
    }

    private LogPipeline start(KafkaCluster cluster, String durability, RecordingStatus status) {
        return LogPipeline.builder().status(status)
                .set("name", "cluster-failover")
                .set("bootstrapServers", cluster.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("topic", TOPIC)
                .set("durability", durability)
                .start();
    }

    /**
     * Whether a record sent to each partition of a topic configured as the logging one, with
     * acks=all and no retry, is refused for too few in-sync replicas.
     */
    private static boolean everyPartitionRefusesForTooFewInsyncReplicas(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.RETRIES_CONFIG, 0);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                try {
                    producer.send(new ProducerRecord<>(PROBE_TOPIC, partition, null, new byte[0])).get();
                    return false;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof NotEnoughReplicasException)) {
                        return false;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static void assertEverythingArrived(String scenario, KafkaCluster cluster, LogPipeline pipeline,
                                                RecordingStatus status, SteadyLogger logger, long sent) {
        Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= sent, BOUND,
                () -> "every event shipped or dropped, sent " + sent + ", stats " + pipeline.stats());
        // Read until every acknowledged event can be there (copies may come on top), not only to the
        // ends the partitions had at one moment.
        Arrivals arrivals = Arrivals.of(cluster.consume(TOPIC, Math.toIntExact(sent), BOUND));
        EngineStats stats = pipeline.stats();
        System.out.println("ClusterFailoverTest " + scenario + ": sent=" + sent
                + " arrived distinct=" + arrivals.distinct() + " duplicates=" + arrivals.duplicates()
                + " (in more than one partition: " + arrivals.spreadEvents() + ")"
                + " spooled=" + stats.spooled()
                + " drained=" + stats.drained() + " dropped=" + stats.droppedTotal());
        System.out.println("ClusterFailoverTest status messages: " + status.warnings());

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
    }
}
