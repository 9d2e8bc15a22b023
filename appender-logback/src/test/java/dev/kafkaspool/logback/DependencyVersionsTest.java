package dev.kafkaspool.logback;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.JsonFactory;
import dev.kafkaspool.testbroker.LibraryVersions;
import org.junit.jupiter.api.Test;

/**
 * The tests run with the versions the build names: the compatibility runs (docs/release.md) set
 * {@code logback.version}, {@code kafka-clients.version} and {@code jackson.version} to others, and
 * this test fails if one of them did not reach the class path.
 */
class DependencyVersionsTest {
    @Test
    void logbackKafkaClientsAndJacksonAreTheVersionsTheBuildNames() {
        LibraryVersions.assertTheBuildsVersions(
                LibraryVersions.of("logback.version", "logback-classic", LoggerContext.class),
                LibraryVersions.kafkaClients(),
                LibraryVersions.of("jackson.version", "jackson-core", JsonFactory.class));
    }
}
