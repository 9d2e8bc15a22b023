package dev.kafkaspool.logback;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events logged through Logback while the broker is down, or killed under load, all arrive. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokerOutageTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    BrokerOutageTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private Map<String, String> properties(String topic, String durability) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "spoolDir", dir.resolve("spool").toString(),
                "topic", topic, "durability", durability);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk"})
    void eventsLoggedWhileTheBrokerIsDownAtStartAllArriveInOrder(String durability) {
        String topic = "down-at-start-" + durability;
        broker.createTopic(topic, 3);
        broker.stop();
        LoggerContext context = Logback.configure("outage.xml", properties(topic, durability));
        KafkaSpoolAppender appender = Logback.appender(context);
        try {
            Logger[] loggers = {context.getLogger("a"), context.getLogger("b"), context.getLogger("c")};
            for (int n = 1; n <= 3_000; n++) {
                loggers[n % 3].info("{}: logged while the broker is down", n);
            }
            assertFalse(broker.isRunning(), "every log call returned before the broker started");
            Await.until(() -> appender.stats().spoolEvents() == 3_000, Duration.ofSeconds(60),
                    () -> "all events spooled: " + appender.stats());

            broker.restart();
            Await.until(() -> appender.stats().shipped() >= 3_000, Duration.ofSeconds(120),
                    () -> "all shipped: " + appender.stats() + " " + Logback.statuses(context));
            Delivery d = Delivery.of(broker.consume(topic, 3_000, Duration.ofSeconds(60)), Records::message);

            assertEquals(List.of(), d.missing(1, 3_000), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            EngineStats stats = appender.stats();
            assertEquals(3_000, stats.accepted());
            assertEquals(0, stats.droppedTotal());
        } finally {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "disk"})
    void aBrokerKilledUnderSteadyLoggingLosesNothing(String durability) throws Exception {
        String topic = "killed-" + durability;
        broker.createTopic(topic, 3);
        LoggerContext context = Logback.configure("outage.xml", properties(topic, durability));
        KafkaSpoolAppender appender = Logback.appender(context);
        AtomicLong logged = new AtomicLong();
        AtomicBoolean keepLogging = new AtomicBoolean(true);
        Thread logging = new Thread(() -> {
            Logger[] loggers = {context.getLogger("a"), context.getLogger("b"), context.getLogger("c")};
            long n = 0;
            while (keepLogging.get()) {
                for (int i = 0; i < 20; i++) {
                    n++;
                    loggers[(int) (n % 3)].info("{}: steady", n);
                }
                logged.set(n);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-logging");
        try {
            logging.start();
            Await.until(() -> appender.stats().shipped() > 1_000, Duration.ofSeconds(60),
                    () -> "shipping before the kill: " + appender.stats());
            broker.kill();
            long atKill = logged.get();
            Await.until(() -> logged.get() > atKill + 3_000, Duration.ofSeconds(60), () -> "logging goes on");
            // Nothing logged since the kill can be acknowledged: all of it waits in the spool.
            Await.until(() -> appender.stats().spoolEvents() >= 3_000, Duration.ofSeconds(60),
                    () -> "the events logged since the kill wait in the spool: " + appender.stats());
            broker.restart();
            long atRestart = logged.get();
            Await.until(() -> logged.get() > atRestart + 1_000, Duration.ofSeconds(60), () -> "logging goes on");
            keepLogging.set(false);
            logging.join();

            long total = logged.get();
            Await.until(() -> appender.stats().shipped() >= total, Duration.ofSeconds(120),
                    () -> "all shipped: " + appender.stats());
            Delivery d = Delivery.of(broker.consume(topic, (int) total, Duration.ofSeconds(60)), Records::message);

            assertEquals(List.of(), d.missing(1, total), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            EngineStats stats = appender.stats();
            assertEquals(total, stats.accepted());
            assertEquals(0, stats.droppedTotal());
            assertEquals(0, stats.spoolEvents(), "the spool is empty at the end: " + stats);
        } finally {
            keepLogging.set(false);
            logging.join();
            context.stop();
        }
    }
}
