package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A configuration in the properties format Flink's {@code log4j-console.properties} uses. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PropertiesConfigTest {
    private static final int EVENTS = 500;

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    PropertiesConfigTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void recordsArriveAndTheKafkaClientsDebugLogsOnTheSameAppenderDoNotLoop() throws Exception {
        broker.createTopic("flink.logs", 2);
        try (Log4jTestContext log4j = new Log4jTestContext("log4j-console.properties")
                .with("bootstrapServers", broker.bootstrapServers())
                .with("spoolDir", dir.resolve("spool").toString())
                .with("topic", "flink.logs")
                .start()) {
            Logger logger = log4j.logger("org.example.flink.Job");
            Thread second = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    logger.info("flink event b{}", i);
                }
            }, "task-thread");
            second.start();
            for (int i = 0; i < EVENTS; i++) {
                logger.info("flink event a{}", i);
            }
            second.join();

            List<Map<String, Object>> records = TopicMessages.await(broker, "flink.logs",
                    m -> m.startsWith("flink event "), 2 * EVENTS);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                expected.add("flink event a" + i);
                expected.add("flink event b" + i);
            }
            assertEquals(expected, TopicMessages.messages(records));
            assertEquals("flink-taskmanager", records.get(0).get("service.name"));

            // The client's DEBUG logs from the test's own consumer are fine; none may come from the
            // appender's producer or engine threads, or every record sent would log another.
            List<String> fromLibraryThreads = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : broker.consume("flink.logs", Integer.MAX_VALUE, Duration.ofSeconds(5))) {
                String thread = String.valueOf(Json.parse(r.value()).get("process.thread.name"));
                if (thread.startsWith("kafka-producer-network-thread") || thread.startsWith("kafka-spool-")) {
                    fromLibraryThreads.add(thread);
                }
            }
            assertTrue(fromLibraryThreads.isEmpty(), "records logged by the library's threads: " + fromLibraryThreads);
            assertTrue(log4j.appender("KafkaAppender").stats().droppedTotal() == 0,
                    "nothing dropped: " + log4j.appender("KafkaAppender").stats());
        }
    }
}
