package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The appender through Log4j, against a broker that is down at start, killed, or down at stop. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokerOutageAppenderTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    BrokerOutageAppenderTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private Log4jTestContext log4j(String topic) {
        return new Log4jTestContext("kafka-spool.xml")
                .with("bootstrapServers", broker.bootstrapServers())
                .with("spoolDir", dir.resolve("spool").toString())
                .with("topic", topic);
    }

    private static Set<String> messages(String prefix, int count) {
        Set<String> messages = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            messages.add(prefix + i);
        }
        return messages;
    }

    @Test
    void eventsLoggedWhileTheBrokerIsDownAtStartAllArriveOnceItIsUp() {
        broker.createTopic("outage.start", 2);
        broker.stop();
        try (Log4jTestContext log4j = log4j("outage.start").start()) {
            Logger logger = log4j.logger("app");
            for (int i = 0; i < 2_000; i++) {
                logger.info("down at start {}", i);
            }
            broker.restart();
            assertEquals(messages("down at start ", 2_000), TopicMessages.messages(
                    TopicMessages.await(broker, "outage.start", m -> m.startsWith("down at start "), 2_000)));
        }
    }

    @Test
    void aBrokerKilledMidStreamLosesNothing() {
        broker.createTopic("outage.kill", 2);
        try (Log4jTestContext log4j = log4j("outage.kill").start()) {
            Logger logger = log4j.logger("app");
            for (int i = 0; i < 3_000; i++) {
                if (i == 1_000) {
                    broker.kill();
                }
                logger.info("killed mid-stream {}", i);
            }
            broker.restart();
            assertEquals(messages("killed mid-stream ", 3_000), TopicMessages.messages(
                    TopicMessages.await(broker, "outage.kill", m -> m.startsWith("killed mid-stream "), 3_000)));
        }
    }

    /** Stop with the broker down leaves no thread of the library, the Kafka producer's included. */
    @Test
    void stopWithTheBrokerDownLeavesNoThreads() {
        broker.createTopic("outage.threads", 1);
        broker.stop();
        try (Log4jTestContext log4j = log4j("outage.threads").with("stopTimeout", "2s").start()) {
            for (int i = 0; i < 500; i++) {
                log4j.logger("app").info("stopped while down {}", i);
            }
            log4j.stop();
            assertEquals(java.util.List.of(), LibraryThreads.aliveAfterSettling(),
                    () -> "threads left after stop:" + LibraryThreads.describe());
        } finally {
            broker.restart();
        }
    }

    @Test
    void stopWithTheBrokerDownEndsAndLeavesTheEventsInTheSpoolForTheNextStart() {
        broker.createTopic("outage.stop", 1);
        broker.stop();
        try (Log4jTestContext log4j = log4j("outage.stop").with("stopTimeout", "2s").start()) {
            Logger logger = log4j.logger("app");
            for (int i = 0; i < 500; i++) {
                logger.info("stopped while down {}", i);
            }
            log4j.stop();

            broker.restart();
            log4j.start();
            assertTrue(log4j.appender("kafka").stats().diskSpool(), "the next start opened the same spool");
            assertEquals(messages("stopped while down ", 500), TopicMessages.messages(
                    TopicMessages.await(broker, "outage.stop", m -> m.startsWith("stopped while down "), 500)));
        }
    }
}
