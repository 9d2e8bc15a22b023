package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured broker takes records from a client with the properties it hands out, refuses a client
 * with wrong credentials, and its plaintext helpers keep working.
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecuredBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aTlsListenerTakesRecordsFromAClientTrustingTheTestAuthority() throws Exception {
        try (KafkaBroker broker = KafkaBroker.startSecured(dir.resolve("broker"), BrokerSecurity.tls())) {
            assertEquals("SSL", broker.clientSecurity().properties().get("security.protocol"));
            produceAndReadBack(broker, broker.clientSecurity(), "tls");
        }
    }

    @Test
    void aScramListenerTakesRecordsFromTheUserAndRefusesAWrongPassword() throws Exception {
        BrokerSecurity security = BrokerSecurity.saslScram("app", "app-secret");
        try (KafkaBroker broker = KafkaBroker.startSecured(dir.resolve("broker"), security)) {
            produceAndReadBack(broker, broker.clientSecurity(), "scram");

            ClientSecurity wrong = broker.clientSecurity().withScramLogin("app", "not-the-secret");
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> produce(broker, wrong, "scram", "refused"));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
        }
    }

    @Test
    void aMutualTlsListenerTakesRecordsFromAClientWithACertificateOnly() throws Exception {
        try (KafkaBroker broker = KafkaBroker.startSecured(dir.resolve("broker"), BrokerSecurity.mutualTls())) {
            assertEquals(broker.clientSecurity().properties().get("ssl.keystore.location"),
                    dir.resolve("broker").resolve("certificates").resolve("client.p12").toAbsolutePath().toString());
            produceAndReadBack(broker, broker.clientSecurity(), "mtls");

            ClientSecurity anonymous = broker.clientSecurity().withoutClientCertificate();
            assertThrows(ExecutionException.class, () -> produce(broker, anonymous, "mtls", "refused"));
        }
    }

    @Test
    void aBrokerWithoutSecurityHasNoSecuredListener() {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"))) {
            assertThrows(IllegalStateException.class, broker::securedBootstrapServers);
            assertThrows(IllegalStateException.class, broker::clientSecurity);
        }
    }

    private static void produceAndReadBack(KafkaBroker broker, ClientSecurity security, String topic) throws Exception {
        broker.createTopic(topic, 1);
        produce(broker, security, topic, "hello");
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, 1, WAIT);
        assertEquals(List.of("hello"), records.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
    }

    /** Sends one record and waits for the broker's answer; throws the failure. */
    private static void produce(KafkaBroker broker, ClientSecurity security, String topic, String value)
            throws Exception {
        Map<String, Object> config = new HashMap<>(security.properties());
        config.put("bootstrap.servers", broker.securedBootstrapServers());
        config.put("max.block.ms", "30000");
        config.put("delivery.timeout.ms", "30000");
        config.put("request.timeout.ms", "10000");
        config.put("key.serializer", ByteArraySerializer.class.getName());
        config.put("value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
