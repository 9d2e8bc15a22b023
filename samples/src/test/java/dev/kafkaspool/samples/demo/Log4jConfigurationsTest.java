package dev.kafkaspool.samples.demo;

import org.junit.jupiter.api.Tag;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample {@code log4j2.xml} files, loaded by Log4j's own configurator in a JVM with only Log4j
 * (the class path the demo gives the payments service) and the environment variables the files
 * read, with the bootstrap address pointing where nothing listens: the appender starts without an
 * error status and creates its Kafka producer (the production file's SASL_SSL settings and its
 * file reference to the password are valid), and no secret reaches the status messages.
 */
@Tag("process")
class Log4jConfigurationsTest {

    private static final String PASSWORD = "pa55-w0rd-from-a-secret";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"log4j2-minimal.xml, memory", "log4j2.xml, memory", "log4j2-production.xml, disk"})
    void startsCleanlyAndCreatesItsProducer(String file, String durability) throws Exception {
        List<String> lines = probe("dev/kafkaspool/samples/log4j2/" + file);

        assertTrue(lines.contains("appender-started true"), String.join("\n", lines));
        assertTrue(lines.contains("producer-created true"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("status INFO") && l.contains(" starting: ")
                && l.contains("durability=" + durability)), String.join("\n", lines));
        assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("status ERROR"))
                .collect(Collectors.toList()));
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), String.join("\n", lines));
    }

    private List<String> probe(String resource) throws IOException, InterruptedException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("kafka.properties"), "password=" + PASSWORD + "\n");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvmFlags.get());
        command.add("-cp");
        command.add(ServiceClasspath.of(DemoService.PAYMENTS));
        command.add(Log4jConfigurationProbe.class.getName());
        command.add(resource);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        builder.environment().put("KAFKA_SPOOL_DIR", dir.resolve("spool").toString());
        builder.environment().put("KAFKA_SECRETS_DIR", secrets.toString());
        builder.environment().put("KAFKA_USERNAME", "payments-user");
        builder.environment().put("POD_INFO_DIR", dir.resolve("podinfo").toString());
        Path output = dir.resolve("probe.out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the probe ended"); // a bound against hangs only
        } finally {
            process.destroyForcibly();
        }
        return Files.readAllLines(output, UTF_8);
    }
}
