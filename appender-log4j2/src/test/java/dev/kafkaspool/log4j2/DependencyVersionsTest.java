package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonFactory;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/**
 * The tests run with the versions the build names: the compatibility runs (docs/release.md) set
 * {@code log4j.version}, {@code kafka-clients.version} and {@code jackson.version} to others, and
 * this test fails if one of them did not reach the class path.
 */
class DependencyVersionsTest {
    @Test
    void log4jKafkaClientsAndJacksonAreTheVersionsTheBuildNames() throws IOException {
        assertEquals(System.getProperty("expected.log4j.version"),
                LoggerContext.class.getPackage().getImplementationVersion(), "log4j-core");
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
