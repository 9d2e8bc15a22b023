package dev.kafkaspool.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.samples.demo.DemoService;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four threads log 1 MiB events with Kafka down in a JVM with a 256 MiB heap (the sum logged is
 * near the heap's size): no log call throws, no {@code OutOfMemoryError}, and every event is
 * shipped, dropped with a reason, or in the spool.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LargeEventsTest {
    private static final int PER_THREAD = 60;

    private final KafkaBroker broker;

    @TempDir
    Path work;

    LargeEventsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void largeEventsWithKafkaDownNeitherThrowNorFillTheHeap() throws Exception {
        broker.stop();
        try (AppJvm app = AppJvm.builder(DemoService.ORDERS, work).mainClass(LargeEvents.class)
                .configuration("deploy/logback-large-events.xml")
                .env(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "KAFKA_SPOOL_DIR", work.resolve("spool").toString(),
                        "JAVA_TOOL_OPTIONS", PodSpec.deployment().env("p", "n").get("JAVA_TOOL_OPTIONS")))
                .start(PER_THREAD, "return", "app")) {
            assertTrue(app.awaitLine("logged " + PER_THREAD), app.stderr());
            assertEquals(0, app.awaitExit(), app.stderr());
            assertFalse(app.stderr().contains("OutOfMemoryError"), app.stderr());
            String[] counters = app.lines().stream().filter(l -> l.startsWith("counters ")).findFirst()
                    .orElseThrow().split(" ");
            long accepted = Long.parseLong(counters[1]);
            long shipped = Long.parseLong(counters[2]);
            long dropped = Long.parseLong(counters[3]);
            long pending = Long.parseLong(counters[4]);
            assertEquals(4L * PER_THREAD, accepted, "every log call reached the appender");
            assertEquals(accepted, shipped + dropped + pending, "shipped, dropped or in the spool");
            assertTrue(pending > 0, "the spool took events while Kafka was down: " + String.join(" ", counters));
        } finally {
            broker.restart();
        }
    }
}
