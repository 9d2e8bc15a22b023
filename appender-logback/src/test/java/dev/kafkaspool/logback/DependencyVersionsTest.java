package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

/**
 * The tests run with the versions the build names: the compatibility runs (docs/release.md) set
 * {@code logback.version}, {@code kafka-clients.version} and {@code jackson.version} to others, and
 * this test fails if one of them did not reach the class path.
 */
class DependencyVersionsTest {
    @Test
    void logbackKafkaClientsAndJacksonAreTheVersionsTheBuildNames() throws IOException {
        assertEquals(System.getProperty("expected.logback.version"),
                LoggerContext.class.getPackage().getImplementationVersion(), "logback-classic");
        assertEquals(System.getProperty("expected.kafka-clients.version"), kafkaClientsVersion(), "kafka-clients");
        assertEquals(System.getProperty("expected.jackson.version"),
                JsonFactory.class.getPackage().getImplementationVersion(), "jackson-core");
    }

    /** kafka-clients' jar has no Implementation-Version; it carries its version in this file. */
    private static String kafkaClientsVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DependencyVersionsTest.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }
}
