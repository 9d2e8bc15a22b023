package dev.kafkaspool.samples.spring;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka down when the application starts: it starts all the same, {@code /actuator/health} answers
 * 200 with the appender {@code SPOOLING} and the spooled events in its details; once the broker
 * starts, every event arrives and the appender is UP again. With the sample's status order
 * (SPOOLING between DOWN and UP) the whole application shows SPOOLING; with Spring Boot's default
 * order, which leaves unknown statuses out, the {@code kafkaSpool} group shows UNKNOWN and the
 * application UP.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
class KafkaDownAtStartTest {
    private static final int ORDERS = 100;

    enum StatusOrder {
        SAMPLES(null, "SPOOLING", "SPOOLING"),
        SPRING_BOOT_DEFAULT("--management.endpoint.health.status.order=", "UNKNOWN", "UP");

        final String argument;
        final String group;
        final String application;

        StatusOrder(String argument, String group, String application) {
            this.argument = argument;
            this.group = group;
            this.application = application;
        }
    }

    @ParameterizedTest
    @EnumSource(StatusOrder.class)
    void startsSpoolingWithHttp200AndEveryEventArrivesOnceKafkaIsUp(StatusOrder order, KafkaBroker broker,
            @TempDir Path tmp) throws Exception {
        String topic = "logs.kafka-down." + order.name().toLowerCase();
        broker.createTopic(topic, 1);
        broker.stop();
        List<String> args = new ArrayList<>(List.of("--kafka-spool.bootstrap-servers=" + broker.bootstrapServers(),
                "--kafka-spool.topic=" + topic, "--kafka-spool.spool-dir=" + tmp.resolve("spool"),
                "--orders.count=" + ORDERS));
        if (order.argument != null) {
            args.add(order.argument);
        }
        try (OrdersProcess app = OrdersProcess.start(SpringBootDoc.jvmFlags(), args.toArray(String[]::new))) {
            assertTrue(app.awaitLine("all orders logged: " + ORDERS), app.output());
            assertFalse(app.output().contains("Logback configuration error detected"), app.output());
            ActuatorClient actuator = new ActuatorClient(app.httpPort);

            ActuatorClient.Answer spooling = awaitHealth(actuator, kafka -> "SPOOLING".equals(kafka.path("status").asString()));
            JsonNode kafka = ActuatorClient.appender(spooling.body(), "KAFKA");
            assertEquals(200, spooling.httpStatus(), spooling.body().toString());
            assertEquals(order.application, spooling.body().path("status").asString(), spooling.body().toString());
            assertEquals(order.group, spooling.body().path("components").path("kafkaSpool").path("status").asString(),
                    spooling.body().toString());
            assertEquals("spooling", kafka.path("details").path("state").asString(), kafka.toString());
            assertTrue(kafka.path("details").path("spooled").asLong() >= ORDERS + 1, kafka.toString());
            assertEquals(0, kafka.path("details").path("shipped").asLong(), kafka.toString());
            JsonNode spoolingMeter = actuator.get("/actuator/metrics/kafka.spool.state?tag=appender:KAFKA&tag=state:spooling").body();
            assertEquals(1.0, ActuatorClient.statistic(spoolingMeter, "VALUE"), spoolingMeter.toString());

            broker.restart();
            Set<String> expected = ArrivedMessages.orders(ORDERS);
            assertEquals(Set.of(), ArrivedMessages.missing(ArrivedMessages.await(broker, topic, expected), expected));
            ActuatorClient.Answer up = awaitHealth(actuator, k -> "UP".equals(k.path("status").asString()));
            assertEquals(200, up.httpStatus(), up.body().toString());
            assertEquals("UP", up.body().path("status").asString(), up.body().toString());
            assertEquals(143, app.terminate(), app.output());
        }
    }

    /** Asks for the health until the appender's component matches, within the hang bound; returns the last answer. */
    private static ActuatorClient.Answer awaitHealth(ActuatorClient actuator, Predicate<JsonNode> appender)
            throws Exception {
        long end = System.nanoTime() + OrdersProcess.HANG_BOUND.toNanos();
        ActuatorClient.Answer answer = actuator.get("/actuator/health");
        while (!appender.test(ActuatorClient.appender(answer.body(), "KAFKA")) && System.nanoTime() < end) {
            Thread.sleep(250);
            answer = actuator.get("/actuator/health");
        }
        return answer;
    }
}
