package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("broker")
class KafkaBrokerKillRestartTest {

    private static final String TOPIC = "events";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void recordsAcknowledgedBeforeAKillMinus9AreStillThereAfterTheRestart(@TempDir Path tempDir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(tempDir.resolve("broker"))) {
            broker.createTopic(TOPIC, 1);
            List<String> beforeKill = TestRecords.numbered("before-kill", 0, 100);
            TestRecords.produceAcknowledged(broker, TOPIC, beforeKill);

            broker.kill();
            assertFalse(broker.isRunning());
            broker.restart();
            assertTrue(broker.isRunning());

            List<String> afterRestart = TestRecords.numbered("after-restart", 100, 200);
            TestRecords.produceAcknowledged(broker, TOPIC, afterRestart);

            List<String> expected = new ArrayList<>(beforeKill);
            expected.addAll(afterRestart);
            assertEquals(expected, TestRecords.values(broker.consume(TOPIC, 200, READ_TIMEOUT)));
        }
    }
}
