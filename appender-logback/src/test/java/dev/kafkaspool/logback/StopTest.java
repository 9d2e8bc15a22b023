package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Stopping Logback with the broker down is bounded and keeps the events for the next start. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StopTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    StopTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void stoppingWithTheBrokerDownReturnsAndTheNextStartShipsWhatWasLeft() throws Exception {
        broker.createTopic("stopped", 1);
        broker.stop();
        Map<String, String> properties = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "spoolDir", dir.resolve("spool").toString());
        LoggerContext first = Logback.configure("stop.xml", properties);
        KafkaSpoolAppender firstAppender = Logback.appender(first);
        for (int n = 1; n <= 1_000; n++) {
            first.getLogger("app").info("{}: before the stop", n);
        }

        Thread stopping = new Thread(first::stop, "test-stopping");
        stopping.start();
        stopping.join(TimeUnit.SECONDS.toMillis(60)); // stopTimeout is 2 s; this bound only catches a hang
        assertFalse(stopping.isAlive(), "LoggerContext.stop() returned");
        assertFalse(firstAppender.isStarted());
        assertEquals(1_000, firstAppender.stats().accepted());
        assertEquals(0, firstAppender.stats().droppedTotal(), firstAppender.stats().toString());
        assertEquals(1_000, firstAppender.stats().spoolEvents(), "all in the spool: " + firstAppender.stats());

        broker.restart();
        LoggerContext second = Logback.configure("stop.xml", properties);
        try {
            KafkaSpoolAppender secondAppender = Logback.appender(second);
            Await.until(() -> secondAppender.stats().drained() >= 1_000, Duration.ofSeconds(120),
                    () -> "the spool is shipped: " + secondAppender.stats());
            Delivery d = Delivery.of(broker.consume("stopped", 1_000, Duration.ofSeconds(60)), Records::message);
            assertEquals(List.of(), d.missing(1, 1_000), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        } finally {
            second.stop();
        }
    }
}
