package dev.kafkaspool.security;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.Await;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords given in producer properties never reach the status channel: not in a message, not in
 * the text or printed stack trace of an exception passed with one (causes and suppressed ones
 * included), not in a setting error. No broker is needed: each case fails before connecting.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SecretMaskingTest {
    private static final String PASSWORD = "Sup3rS3cretPassw0rd";
    private static final String KEYSTORE_PASSWORD = "k3ystoreS3cret";
    /** Nothing listens here. */
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path dir;

    /**
     * A JAAS configuration with the password where the control flag belongs: the Kafka client's
     * own message quotes the word it stumbled on ("Invalid login module control flag '...'").
     */
    @Test
    void aPasswordInAMalformedJaasConfigurationIsHiddenInTheProducerFailure() throws Exception {
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = base().producerProperty("security.protocol", "SASL_PLAINTEXT")
                .producerProperty("sasl.mechanism", "PLAIN")
                .producerProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule \""
                        + PASSWORD + "\" username=\"alice\";")
                .producerProperty("ssl.keystore.password", KEYSTORE_PASSWORD).build();
        try (SpoolEngine engine = SpoolEngine.builder(config).status(status).start()) {
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains("cannot create the Kafka producer")));
        }
        System.out.println(status.problems());
        assertTrue(status.everything().stream().anyMatch(m -> m.contains("control flag '[hidden]'")),
                "the message still says what is wrong: " + status.everything());
        Shipping.assertNoSecretIn(status, List.of(PASSWORD, KEYSTORE_PASSWORD));
    }

    /** Kafka's ConfigException quotes the value it refuses; here in a cause and in a suppressed exception. */
    @Test
    void aConfigExceptionQuotingAPasswordIsHiddenInItsTextCausesAndStackTrace() throws Exception {
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = base().producerProperty("ssl.keystore.password", KEYSTORE_PASSWORD)
                .producerProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"alice\" password=\"" + PASSWORD + "\";").build();
        try (SpoolEngine engine = SpoolEngine.builder(config).status(status).producerFactory(properties -> {
            KafkaException failure = new KafkaException("Failed to construct kafka producer",
                    new ConfigException("ssl.keystore.password", properties.get("ssl.keystore.password"),
                            "the keystore cannot be opened with it"));
            failure.addSuppressed(new IllegalStateException("login failed for password " + PASSWORD));
            throw failure;
        }).start()) {
            Await.until(() -> status.problems().stream().anyMatch(m -> m.contains("cannot create the Kafka producer")));
        }
        System.out.println(status.everything());
        assertTrue(status.everything().stream().anyMatch(m -> m.contains("ConfigException: Invalid value [hidden] "
                + "for configuration ssl.keystore.password") && m.contains("\tat ") && m.contains("Suppressed: ")),
                "the stack trace is kept, its secrets hidden: " + status.everything());
        Shipping.assertNoSecretIn(status, List.of(PASSWORD, KEYSTORE_PASSWORD));
    }

    /** A secret given to a setting by mistake (a variable put in the wrong place): the error names the setting only. */
    @Test
    void aSettingErrorDoesNotShowASecretValue() {
        RecordingStatus status = new RecordingStatus();
        LogPipeline pipeline = LogPipeline.builder().status(status)
                .set("bootstrapServers", NO_BROKER)
                .set("spoolDir", dir.resolve("spool").toString())
                .set("maxBytes", PASSWORD)
                .producerProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"alice\" password=\"" + PASSWORD + "\";")
                .start();
        pipeline.stop(Duration.ofSeconds(5));
        System.out.println(status.problems());
        assertTrue(status.problems().stream().anyMatch(m -> m.contains("'maxBytes' = '[hidden]' is not valid")),
                "the setting error names the setting: " + status.problems());
        Shipping.assertNoSecretIn(status, List.of(PASSWORD));
    }

    private SpoolConfig.Builder base() {
        return SpoolConfig.builder().set(EngineSettings.NAME, "secrets").set(EngineSettings.BOOTSTRAP_SERVERS, NO_BROKER)
                .set(EngineSettings.SPOOL_DIR, dir.resolve("spool")).set(EngineSettings.DURABILITY, Durability.MEMORY);
    }
}
