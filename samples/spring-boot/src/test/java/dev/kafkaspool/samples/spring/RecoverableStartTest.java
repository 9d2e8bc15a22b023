package dev.kafkaspool.samples.spring;

import org.junit.jupiter.api.Tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * In every case the appender survives, Spring Boot starts (the appender reports a warning, not an
 * error) and every event the application logged arrives in Kafka.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
class RecoverableStartTest {
    private static final int ORDERS = 50;

    /** Each case, with what the warning Spring Boot prints for it says. */
    enum Case {
        /** No Chronicle flags: the engine ships from a memory spool. */
        JVM_FLAGS_MISSING("the JVM is missing flags Chronicle Queue needs"),
        /** durability=disc: the default, memory, is used. */
        DURABILITY_MISSPELT("'durability' = 'disc' is not valid"),
        /**
         * A shared spool directory (0777, as an emptyDir) where another user planted a link in place of
         * the owner-only directory the spool keeps its files in: refused, memory spool.
         */
        SPOOL_DIR_LINK_PLANTED("is not a directory but a link"),
        /** A spool directory that cannot be created (its parent is a file): memory spool. */
        SPOOL_DIR_NOT_CREATABLE("cannot create spool directory");

        final String warning;

        Case(String warning) {
            this.warning = warning;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void startsAndEveryEventArrives(Case c, KafkaBroker broker, @TempDir Path tmp) throws Exception {
        String topic = "logs.recoverable." + c.name().toLowerCase();
        broker.createTopic(topic, 1);
        Path spoolDir = tmp.resolve("spool");
        List<String> flags = c == Case.JVM_FLAGS_MISSING ? List.of() : SpringBootDoc.jvmFlags();
        List<String> args = new ArrayList<>(List.of("--kafka-spool.bootstrap-servers=" + broker.bootstrapServers(),
                "--kafka-spool.topic=" + topic, "--orders.count=" + ORDERS));
        switch (c) {
            case DURABILITY_MISSPELT:
                args.add("--kafka-spool.durability=disc");
                break;
            case SPOOL_DIR_LINK_PLANTED:
                Files.createDirectories(spoolDir);
                Files.setPosixFilePermissions(spoolDir, PosixFilePermissions.fromString("rwxrwxrwx"));
                Files.createSymbolicLink(spoolDir.resolve("kafka-spool"), Files.createDirectories(tmp.resolve("other")));
                break;
            case SPOOL_DIR_NOT_CREATABLE:
                Files.writeString(tmp.resolve("a-file"), "not a directory");
                spoolDir = tmp.resolve("a-file").resolve("spool");
                break;
            default:
                break;
        }
        args.add("--kafka-spool.spool-dir=" + spoolDir);

        try (OrdersProcess app = OrdersProcess.start(flags, args.toArray(String[]::new))) {
            assertTrue(app.awaitLine("all orders logged: " + ORDERS), "the application started and logged:\n" + app.output());
            assertTrue(app.isAlive(), app.output());
            assertTrue(app.output().contains("Started OrdersApplication"), app.output());
            assertFalse(app.output().contains("Logback configuration error detected"), app.output());
            assertTrue(app.output().lines().anyMatch(l -> l.contains("|-WARN in dev.kafkaspool.logback.KafkaSpoolAppender[KAFKA]")
                    && l.contains(c.warning)), "a warning says: " + c.warning + "\n" + app.output());

            Set<String> expected = ArrivedMessages.orders(ORDERS);
            List<JsonNode> records = ArrivedMessages.await(broker, topic, expected);
            assertEquals(Set.of(), ArrivedMessages.missing(records, expected), "events missing from Kafka");
            assertTrue(records.stream().allMatch(r -> "orders".equals(r.path("service.name").asString())),
                    "service.name from spring.application.name");
            assertEquals(143, app.terminate(), "exit value after SIGTERM:\n" + app.output());
        }
    }
}
