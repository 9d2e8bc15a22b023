package dev.kafkaspool.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.BrokerSecurity;
import dev.kafkaspool.testbroker.ClientSecurity;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shipping to a broker whose client listener requires a client certificate (ssl.client.auth=required). */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MutualTlsShippingTest {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.secured(BrokerSecurity.mutualTls());

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    MutualTlsShippingTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void eventsArriveWithTheClientKeystore() {
        broker.createTopic("mtls-keystore", 1);
        ClientSecurity security = broker.clientSecurity();
        assertEquals("PKCS12", security.properties().get("ssl.keystore.type"));
        Shipping.assertShipsEvery(broker, security.properties(), dir.resolve("spool"), "mtls-keystore", "mtls", 20,
                status);
        Shipping.assertStartupLineShows(status, "ssl.keystore.password=[hidden]", "ssl.key.password=[hidden]",
                "ssl.truststore.password=[hidden]");
        Shipping.assertNoSecretIn(status, security.secrets());
    }

    @Test
    void withoutAClientKeystoreTheEventsAreHeldNotDropped() {
        ClientSecurity anonymous = broker.clientSecurity().withoutClientCertificate();
        LogPipeline pipeline = SecuredPipeline.start("mtls-anonymous", broker.securedBootstrapServers(),
                anonymous.properties(), dir.resolve("spool"), "mtls-anonymous", status);
        try {
            Shipping.log(pipeline, "anonymous", 20);
            String warning = Shipping.awaitOutageWarning(status);
            Shipping.assertHeldNotDropped(pipeline, 20);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        assertEquals(20, pipeline.stats().spoolEvents(), "every event waits in the spool: " + pipeline.stats());
        Shipping.assertNoSecretIn(status, broker.clientSecurity().secrets());
    }

    @Test
    void aWrongKeystorePasswordHoldsTheEventsAndIsReportedWithoutThePassword() {
        String wrongPassword = "not-the-store-password-5e1a";
        Map<String, String> properties = new HashMap<>(broker.clientSecurity().properties());
        properties.put("ssl.keystore.password", wrongPassword);
        properties.put("ssl.key.password", wrongPassword);
        LogPipeline pipeline = SecuredPipeline.start("mtls-wrong-keystore-password", broker.securedBootstrapServers(),
                properties, dir.resolve("spool"), "mtls-wrong-keystore-password", status);
        try {
            Shipping.log(pipeline, "wrong keystore password", 20);
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains("cannot create the Kafka producer")));
            Shipping.assertHeldNotDropped(pipeline, 20);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        assertEquals(20, pipeline.stats().spoolEvents(), "every event waits in the spool: " + pipeline.stats());
        assertTrue(status.problems().stream().anyMatch(m -> m.contains("cannot create the Kafka producer")
                && m.contains("keystore")), "the message itself names the keystore: " + status.problems());
        List<String> secrets = new ArrayList<>(broker.clientSecurity().secrets());
        secrets.add(wrongPassword);
        Shipping.assertNoSecretIn(status, secrets);
    }
}
