package dev.kafkaspool.samples.spring;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * With Kafka up: {@code /actuator/health} shows the appender UP and shipping with its counters, and
 * {@code /actuator/metrics} has its meters, whether the application's registry joins Micrometer's
 * global registry (Spring Boot's default: the meters arrive through it) or not (the
 * auto-configuration binds them).
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
class HealthAndMetricsTest {
    private static final int ORDERS = 100;

    @ParameterizedTest(name = "management.metrics.use-global-registry={0}")
    @ValueSource(booleans = {true, false})
    void healthIsUpWithCountersAndTheMetersAreInTheApplicationsRegistry(boolean useGlobalRegistry, KafkaBroker broker,
            @TempDir Path tmp) throws Exception {
        String topic = "logs.health." + useGlobalRegistry;
        broker.createTopic(topic, 1);
        try (OrdersProcess app = OrdersProcess.start(SpringBootDoc.jvmFlags(),
                "--kafka-spool.bootstrap-servers=" + broker.bootstrapServers(), "--kafka-spool.topic=" + topic,
                "--kafka-spool.spool-dir=" + tmp.resolve("spool"), "--orders.count=" + ORDERS,
                "--management.metrics.use-global-registry=" + useGlobalRegistry)) {
            assertTrue(app.awaitLine("all orders logged: " + ORDERS), app.output());
            Set<String> expected = ArrivedMessages.orders(ORDERS);
            assertEquals(Set.of(), ArrivedMessages.missing(ArrivedMessages.await(broker, topic, expected), expected));

            ActuatorClient actuator = new ActuatorClient(app.httpPort);
            ActuatorClient.Answer health = actuator.get("/actuator/health");
            JsonNode kafka = ActuatorClient.appender(health.body(), "KAFKA");
            assertEquals(200, health.httpStatus(), health.body().toString());
            assertEquals("UP", health.body().path("status").asString(), health.body().toString());
            assertEquals("UP", kafka.path("status").asString(), health.body().toString());
            assertEquals("shipping", kafka.path("details").path("state").asString(), kafka.toString());
            assertEquals(topic, kafka.path("details").path("topic").asString(), kafka.toString());
            assertTrue(kafka.path("details").path("shipped").asLong() >= ORDERS + 1, kafka.toString());
            assertEquals(0, kafka.path("details").path("dropped").asLong(), kafka.toString());
            assertEquals(0, kafka.path("details").path("droppedByReason").path("spoolFull").asLong(), kafka.toString());

            JsonNode accepted = actuator.get("/actuator/metrics/kafka.spool.events.accepted?tag=appender:KAFKA").body();
            assertTrue(ActuatorClient.statistic(accepted, "COUNT") >= ORDERS + 1, accepted.toString());
            JsonNode shipping = actuator.get("/actuator/metrics/kafka.spool.state?tag=appender:KAFKA&tag=state:shipping").body();
            assertEquals(1.0, ActuatorClient.statistic(shipping, "VALUE"), shipping.toString());
            assertEquals(143, app.terminate(), app.output());
        }
    }
}
