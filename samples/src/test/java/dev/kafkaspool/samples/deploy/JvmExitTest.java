package dev.kafkaspool.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * Applications that end without stopping their logging framework, configured by the sample
 * {@code logback.xml} and {@code log4j2.xml} (memory durability, the default) in the environment
 * of the sample pod spec: {@code main} returns, {@code System.exit(0)}, or the kubelet's SIGTERM.
 * What they logged arrives, in this run when Kafka is up, and from the spool at the next start on
 * the same directory when Kafka is down.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JvmExitTest {
    private static final int EVENTS = 200;

    private final KafkaBroker broker;

    @TempDir
    Path work;

    JvmExitTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"ORDERS, return", "ORDERS, exit", "ORDERS, sigterm", "PAYMENTS, return", "PAYMENTS, exit",
            "PAYMENTS, sigterm"})
    void withKafkaUpEverythingLoggedBeforeTheJvmEndsArrives(DemoService framework, String ending) throws Exception {
        String namespace = namespace(framework, ending, "up");
        broker.createTopic("logs." + namespace, 2);
        try (AppJvm app = app(framework, namespace).start(EVENTS, hold(ending), "app")) {
            assertTrue(app.awaitLine("logged " + EVENTS), app.stderr());
            assertEquals(ending.equals("sigterm") ? 143 : 0, end(app, ending), "exit value: " + app.stderr());
            List<Long> missing = NumberedRecords.missing(
                    broker.consume("logs." + namespace, EVENTS, AppJvm.RECORDS_TIMEOUT), EVENTS);
            assertEquals(List.of(), missing, app.stderr());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"ORDERS, return", "ORDERS, sigterm", "PAYMENTS, exit", "PAYMENTS, sigterm"})
    void withKafkaDownWhatWasInMemoryIsSpooledAndTheNextStartShipsIt(DemoService framework, String ending)
            throws Exception {
        String namespace = namespace(framework, ending, "down");
        broker.createTopic("logs." + namespace, 2);
        broker.stop();
        try (AppJvm app = app(framework, namespace).start(EVENTS, hold(ending), "first")) {
            assertTrue(app.awaitLine("logged " + EVENTS), app.stderr());
            end(app, ending);
        } finally {
            broker.restart();
        }
        try (AppJvm next = app(framework, namespace).start(0, "return", "next")) {
            assertEquals(0, next.awaitExit(), next.stderr());
            List<Long> missing = NumberedRecords.missing(
                    broker.consume("logs." + namespace, EVENTS, AppJvm.RECORDS_TIMEOUT), EVENTS);
            assertEquals(List.of(), missing, next.stderr());
        }
    }

    private AppJvm.Builder app(DemoService framework, String namespace) throws Exception {
        Map<String, String> env = new java.util.LinkedHashMap<>(PodSpec.deployment().env("app-0", namespace));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("KAFKA_SPOOL_DIR", work.resolve("spool").toString());
        return AppJvm.builder(framework, work).env(env);
    }

    private static String hold(String ending) {
        return ending.equals("sigterm") ? "hold" : ending;
    }

    private static int end(AppJvm app, String ending) throws InterruptedException {
        return ending.equals("sigterm") ? app.terminate() : app.awaitExit();
    }

    private static String namespace(DemoService framework, String ending, String kafka) {
        return ("exit-" + framework + "-" + ending + "-" + kafka).toLowerCase(Locale.ROOT);
    }
}
