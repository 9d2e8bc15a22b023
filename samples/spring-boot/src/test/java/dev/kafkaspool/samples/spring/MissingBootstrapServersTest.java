package dev.kafkaspool.samples.spring;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code kafka-spool.bootstrap-servers} the appender has nowhere to send events and does not
 * start; that is an ERROR status, and Spring Boot refuses to start on one, naming the setting.
 */
@Tag("process")
class MissingBootstrapServersTest {

    @Test
    void springBootRefusesToStartNamingTheSetting(@TempDir Path tmp) throws Exception {
        try (OrdersProcess app = OrdersProcess.start(SpringBootDoc.jvmFlags(),
                "--kafka-spool.spool-dir=" + tmp.resolve("spool"))) {
            int exit = app.awaitExit();
            String output = app.output();
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("Logback configuration error detected"), output);
            assertTrue(output.contains("[KAFKA] not started") && output.contains("bootstrapServers"), output);
            assertTrue(!output.contains("Started OrdersApplication"), output);
        }
    }
}
