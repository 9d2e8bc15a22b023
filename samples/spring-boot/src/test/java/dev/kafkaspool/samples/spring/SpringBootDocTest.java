package dev.kafkaspool.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/spring-boot.md} shows only what the tests run: its {@code logback-spring.xml} and
 * {@code application.properties} blocks are the sample's files, and its JVM flags are the ones the
 * tests start the application with.
 */
class SpringBootDocTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void theLogbackSpringXmlBlockIsTheSamplesFile() throws IOException {
        assertEquals(List.of(read("logback-spring.xml")), SpringBootDoc.blocks("xml"));
    }

    @Test
    void theApplicationPropertiesBlockIsTheSamplesFile() throws IOException {
        assertEquals(List.of(read("application.properties")), SpringBootDoc.blocks("properties"));
    }

    @Test
    void theJvmFlagsBlockHoldsChroniclesFlags() throws IOException {
        List<String> flags = SpringBootDoc.jvmFlags();
        assertTrue(flags.contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"), flags.toString());
        assertTrue(flags.contains("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED"), flags.toString());
        assertTrue(flags.stream().allMatch(f -> f.startsWith("--add-")), flags.toString());
    }

    private static String read(String resource) throws IOException {
        return Files.readString(RESOURCES.resolve(resource), StandardCharsets.UTF_8);
    }
}
