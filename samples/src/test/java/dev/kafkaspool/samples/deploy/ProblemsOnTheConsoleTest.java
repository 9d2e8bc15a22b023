package dev.kafkaspool.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.kafkaspool.samples.demo.DemoService;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A problem found long after the framework configured itself (here: events dropped because the
 * spool is full while Kafka is down) reaches the console of an application that configured
 * nothing to show status messages, once per reason and not once per event.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProblemsOnTheConsoleTest {
    private static final int EVENTS = 20_000;

    private final KafkaBroker broker;

    @TempDir
    Path work;

    ProblemsOnTheConsoleTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @CsvSource({"ORDERS, deploy/logback-small-spool.xml", "PAYMENTS, deploy/log4j2-small-spool.xml"})
    void dropsAreReportedOnStandardErrorWithoutAnyConfiguration(DemoService framework, String configuration)
            throws Exception {
        broker.stop();
        try (AppJvm app = AppJvm.builder(framework, work).configuration(configuration)
                .env(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "KAFKA_SPOOL_DIR", work.resolve("spool").toString(),
                        "JAVA_TOOL_OPTIONS", String.join(" ", PodSpec.deployment().env("p", "n")
                                .get("JAVA_TOOL_OPTIONS"))))
                .start(EVENTS, "return", "app")) {
            assertEquals(0, app.awaitExit(), app.stderr());
            List<String> drops = app.stderr().lines()
                    .filter(l -> l.startsWith("kafka-spool WARN") && l.contains("reason spoolFull"))
                    .collect(Collectors.toList());
            assertTrue(!drops.isEmpty(), "the drops are on the console: " + app.stderr());
            assertTrue(drops.get(0).matches(".*dropped \\d+ event\\(s\\), reason spoolFull.*"), drops.get(0));
            assertTrue(drops.size() <= 3, "reported once, then at growing intervals, not per event: " + drops);
        } finally {
            broker.restart();
        }
    }
}
