package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.LoggerContext;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appender on the root logger at DEBUG, with the Kafka client at DEBUG too, in the context the
 * Kafka client itself logs to: the client's logs on the appender's own threads stay out, nothing
 * loops, and the application's events arrive.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaClientDebugLogsTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    KafkaClientDebugLogsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void theKafkaClientsDebugLogsDoNotLoopAndTheApplicationsEventsArrive() {
        broker.createTopic("debug", 1);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logback.load(context, "kafka-debug.xml", Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "spoolDir", dir.resolve("spool").toString()));
        try {
            KafkaSpoolAppender appender = Logback.appender(context);
            broker.createTopic("debug-other", 1); // a Kafka client of the application's, logging at DEBUG
            Logger log = LoggerFactory.getLogger("com.example.App");
            for (int n = 1; n <= 500; n++) {
                log.debug("{}: debug", n);
            }
            long accepted = appender.stats().accepted();
            Await.until(() -> appender.stats().shipped() >= accepted, Duration.ofSeconds(120),
                    () -> "shipped: " + appender.stats());

            List<ConsumerRecord<byte[], byte[]>> records = broker.consume("debug", (int) accepted, Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> numbered = records.stream()
                    .filter(r -> String.valueOf(Records.parse(r).get("message")).matches("\\d+: debug"))
                    .collect(Collectors.toList());
            Delivery d = Delivery.of(numbered, Records::message);
            assertEquals(List.of(), d.missing(1, 500), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());

            List<String> ownThreads = records.stream().map(r -> String.valueOf(Records.parse(r).get("process.thread.name")))
                    .filter(t -> t.startsWith("kafka-spool-KAFKA") || t.endsWith("| kafka-spool-KAFKA"))
                    .distinct().collect(Collectors.toList());
            assertEquals(List.of(), ownThreads, "no event logged on the appender's own threads was appended");
            assertTrue(records.stream().anyMatch(r -> String.valueOf(Records.parse(r).get("log.logger"))
                    .startsWith("org.apache.kafka")), "the Kafka client logs at DEBUG on other threads arrive");
        } finally {
            context.reset();
            Logback.load(context, "../logback-test.xml", Map.of());
        }
    }
}
