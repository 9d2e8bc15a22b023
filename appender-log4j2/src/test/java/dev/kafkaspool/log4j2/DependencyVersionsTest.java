package dev.kafkaspool.log4j2;

import com.fasterxml.jackson.core.JsonFactory;
import dev.kafkaspool.testbroker.LibraryVersions;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;

/**
 * The tests run with the versions the build names: the compatibility runs (docs/release.md) set
 * {@code log4j.version}, {@code kafka-clients.version} and {@code jackson.version} to others, and
 * this test fails if one of them did not reach the class path.
 */
class DependencyVersionsTest {
    @Test
    void log4jKafkaClientsAndJacksonAreTheVersionsTheBuildNames() {
        LibraryVersions.assertTheBuildsVersions(
                LibraryVersions.of("log4j.version", "log4j-core", LoggerContext.class),
                LibraryVersions.kafkaClients(),
                LibraryVersions.of("jackson.version", "jackson-core", JsonFactory.class));
    }
}
