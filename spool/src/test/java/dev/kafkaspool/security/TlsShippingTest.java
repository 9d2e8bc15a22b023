package dev.kafkaspool.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

/**
 * Shipping to a broker whose client listener requires TLS; and with the wrong protocol for a port
 * (TLS to its plaintext listener, plaintext to its TLS listener).
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TlsShippingTest {

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.secured(BrokerSecurity.tls());

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    TlsShippingTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void eventsArriveOverTls() {
        broker.createTopic("tls", 1);
        ClientSecurity security = broker.clientSecurity();
        assertEquals("SSL", security.properties().get("security.protocol"));
        Shipping.assertShipsEvery(broker, security.properties(), dir.resolve("spool"), "tls", "tls", 20, status);
        Shipping.assertStartupLineShows(status, "security.protocol=SSL", "ssl.truststore.password=[hidden]");
        Shipping.assertNoSecretIn(status, security.secrets());
    }

    @Test
    void tlsToThePlaintextPortHoldsTheEvents() {
        assertHeldWith(broker.bootstrapServers(), broker.clientSecurity().properties(), "tls-to-plaintext");
    }

    @Test
    void plaintextToTheTlsPortHoldsTheEvents() {
        Map<String, String> plaintext = new HashMap<>(broker.clientSecurity().properties());
        plaintext.put("security.protocol", "PLAINTEXT");
        assertHeldWith(broker.securedBootstrapServers(), plaintext, "plaintext-to-tls");
    }

    private void assertHeldWith(String bootstrapServers, Map<String, String> producerProperties, String name) {
        LogPipeline pipeline = SecuredPipeline.start(name, bootstrapServers, producerProperties,
                dir.resolve("spool"), name, status);
        try {
            Shipping.log(pipeline, name, 20);
            String warning = Shipping.awaitOutageWarning(status);
            Shipping.assertNames(warning, bootstrapServers);
            Shipping.assertNames(warning, "security.protocol does not match the listener");
            Shipping.assertHeldNotDropped(pipeline, 20);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        assertEquals(20, pipeline.stats().spoolEvents(), "every event waits in the spool: " + pipeline.stats());
        Shipping.assertNoSecretIn(status, broker.clientSecurity().secrets());
    }
}
