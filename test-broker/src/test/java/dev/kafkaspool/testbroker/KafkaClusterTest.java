package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("broker")
class KafkaClusterTest {

    private static final String TOPIC = "replicated";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aReplicatedTopicKeepsTakingRecordsWhileOneNodeIsKilledAndRestarted(@TempDir Path tempDir) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(tempDir.resolve("cluster"), 3)) {
            assertEquals(3, cluster.size());
            assertEquals(3, cluster.bootstrapServers().split(",").length);
            cluster.createTopic(TOPIC, 3, 3, Map.of("min.insync.replicas", "2"));
            List<String> beforeKill = TestRecords.numbered("before-kill", 0, 100);
            TestRecords.produceAcknowledged(cluster.bootstrapServers(), TOPIC, beforeKill);

            cluster.kill(1);
            assertFalse(cluster.isRunning(1));
            List<String> whileDown = TestRecords.numbered("while-down", 100, 200);
            TestRecords.produceAcknowledged(cluster.bootstrapServers(), TOPIC, whileDown);

            cluster.restart(1);
            assertTrue(cluster.isRunning(1));
            List<String> afterRestart = TestRecords.numbered("after-restart", 200, 300);
            TestRecords.produceAcknowledged(cluster.bootstrapServers(), TOPIC, afterRestart);

            List<String> expected = new ArrayList<>(beforeKill);
            expected.addAll(whileDown);
            expected.addAll(afterRestart);
            List<String> read = TestRecords.values(cluster.consume(TOPIC, 300, READ_TIMEOUT));
            Collections.sort(expected);
            Collections.sort(read);
            assertEquals(expected, read);
        }
    }

    @Test
    void eachNodeIsReachableAloneAndCloseDeletesTheData(@TempDir Path tempDir) {
        Path dir = tempDir.resolve("cluster");
        KafkaCluster cluster = KafkaCluster.start(dir, 3);
        try {
            for (int node = 0; node < 3; node++) {
                assertTrue(cluster.isRunning(node));
                assertTrue(cluster.bootstrapServers().contains(cluster.bootstrapServers(node)));
                assertTrue(cluster.logFile(node).toFile().isFile());
            }
        } finally {
            cluster.close();
        }
        assertFalse(dir.toFile().exists());
        for (int node = 0; node < 3; node++) {
            assertFalse(cluster.isRunning(node));
        }
    }
}
