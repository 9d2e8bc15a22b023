package dev.kafkaspool.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * On SIGTERM, Spring Boot's shutdown hook closes the context first, then stops Logback: what the
 * application logs while its context closes (a {@code ContextClosedEvent} listener, a
 * {@code @PreDestroy} method) still arrives in Kafka.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
class ShutdownLoggingTest {

    @Test
    void eventsLoggedWhileTheContextClosesArriveAfterSigterm(KafkaBroker broker, @TempDir Path tmp) throws Exception {
        String topic = "logs.shutdown";
        broker.createTopic(topic, 1);
        try (OrdersProcess app = OrdersProcess.start(SpringBootDoc.jvmFlags(),
                "--kafka-spool.bootstrap-servers=" + broker.bootstrapServers(), "--kafka-spool.topic=" + topic,
                "--kafka-spool.spool-dir=" + tmp.resolve("spool"), "--orders.count=10")) {
            assertTrue(app.awaitLine("all orders logged: 10"), app.output());

            assertEquals(143, app.terminate(), app.output());
            assertTrue(app.output().contains("order intake closed"), "the console shows the @PreDestroy line");

            Set<String> expected = ArrivedMessages.orders(10);
            expected.add("application context closing");
            expected.add("order intake closed");
            List<JsonNode> records = ArrivedMessages.await(broker, topic, expected);
            assertEquals(Set.of(), ArrivedMessages.missing(records, expected), "events missing from Kafka");
        }
    }
}
