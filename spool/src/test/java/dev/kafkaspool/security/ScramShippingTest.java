package dev.kafkaspool.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.BrokerSecurity;
import dev.kafkaspool.testbroker.ClientSecurity;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shipping to a broker whose client listener requires SASL_SSL with SCRAM-SHA-512. */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScramShippingTest {

    private static final String USER = "app";
    private static final String PASSWORD = "app-secret-7f3c91";
    private static final String WRONG_PASSWORD = "wrong-secret-2b8d44";

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.secured(BrokerSecurity.saslScram(USER, PASSWORD));

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    ScramShippingTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void eventsArriveWithTheRightPassword() {
        broker.createTopic("scram-right", 1);
        ClientSecurity security = broker.clientSecurity();
        assertEquals("SASL_SSL", security.properties().get("security.protocol"));
        Shipping.assertShipsEvery(broker, security.properties(), dir.resolve("spool"), "scram-right", "scram", 20,
                status);
        Shipping.assertStartupLineShows(status, "sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]",
                "sasl.mechanism=SCRAM-SHA-512");
        Shipping.assertNoSecretIn(status, security.secrets());
    }

    @Test
    void aWrongPasswordHoldsTheEventsUntilAPipelineWithTheRightOneDeliversThem() {
        broker.createTopic("scram-wrong", 1);
        Path spool = dir.resolve("spool");
        ClientSecurity wrong = broker.clientSecurity().withScramLogin(USER, WRONG_PASSWORD);
        LogPipeline refused = SecuredPipeline.start("scram-wrong", broker.securedBootstrapServers(),
                wrong.properties(), spool, "scram-wrong", status);
        List<String> logged = new ArrayList<>();
        try {
            logged.addAll(Shipping.log(refused, "before the warning", 10));
            String warning = Shipping.awaitOutageWarning(status);
            Shipping.assertNames(warning, "authentication");
            logged.addAll(Shipping.log(refused, "after the warning", 10));
            Shipping.assertHeldNotDropped(refused, 20);
        } finally {
            refused.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, refused.stats().droppedTotal(), refused.stats().toString());
        assertEquals(20, refused.stats().spoolEvents(), "every event waits in the spool: " + refused.stats());
        Shipping.assertNoSecretIn(status, List.of(PASSWORD, WRONG_PASSWORD));
        Shipping.assertNoSecretIn(status, wrong.secrets());

        RecordingStatus laterStatus = new RecordingStatus();
        LogPipeline delivering = SecuredPipeline.start("scram-wrong", broker.securedBootstrapServers(),
                broker.clientSecurity().properties(), spool, "scram-wrong", laterStatus);
        try {
            Shipping.assertTopicHolds(broker, "scram-wrong", logged);
        } finally {
            delivering.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, delivering.stats().droppedTotal(), delivering.stats().toString());
        assertTrue(laterStatus.messages().stream().anyMatch(m -> m.contains("the spool holds 20 event(s)")),
                laterStatus.messages().toString());
        Shipping.assertNoSecretIn(laterStatus, broker.clientSecurity().secrets());
    }

    @Test
    void theSecretsComeFromAFileThroughKafkasFileConfigProvider() throws Exception {
        broker.createTopic("scram-file", 1);
        ClientSecurity security = broker.clientSecurity();
        Path secretVolume = Files.createDirectories(dir.resolve("kafka-secrets"));
        Path secrets = secretVolume.resolve("client.properties");
        Files.writeString(secrets, "password=" + PASSWORD + "\n"
                + "truststore.password=" + security.properties().get("ssl.truststore.password") + "\n");
        Map<String, String> properties = new HashMap<>(security.properties());
        properties.put("config.providers", "file");
        properties.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        properties.put("ssl.truststore.password", "${file:" + secrets + ":truststore.password}");
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + USER + "\" password=\"${file:" + secrets + ":password}\";");
        Shipping.assertShipsEvery(broker, properties, dir.resolve("spool"), "scram-file", "from file", 10, status);
        Shipping.assertNoSecretIn(status, security.secrets());
    }
}
