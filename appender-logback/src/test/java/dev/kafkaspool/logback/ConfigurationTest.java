package dev.kafkaspool.logback;

import dev.kafkaspool.config.Setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kafkaspool.pipeline.SettingCatalog;
import dev.kafkaspool.testbroker.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration mistakes are reported on Logback's status channel, naming the setting, and the
 * application runs on; secrets never reach the status channel. No broker: nothing listens on the
 * bootstrap address, which the appender does not notice at start.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConfigurationTest {
    private static final String NOBODY_LISTENS = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void badSettingsAreReportedByNameAndTheApplicationRunsOn() {
        LoggerContext context = Logback.configure("bad-settings.xml",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", NOBODY_LISTENS, "spoolDir", dir.resolve("spool").toString()));
        try {
            List<String> statuses = Logback.statuses(context);
            assertHas(statuses, "WARN", "'maxBytes' = 'lots' is not valid");
            assertHas(statuses, "WARN", "Ignoring unknown property [colour]"); // Logback says so itself
            assertHas(statuses, "WARN", "<producerConfig> takes key=value");
            assertHas(statuses, "WARN", "'max.block.ms'");
            assertEquals(List.of(), statuses.stream().filter(s -> s.startsWith("ERROR")).collect(Collectors.toList()),
                    "what the appender survives is a warning: Spring Boot stops on an error status");

            KafkaSpoolAppender appender = Logback.appender(context);
            assertTrue(appender.isStarted(), "the defaults stand in for the bad values");
            context.getLogger("app").info("still logging");
            assertEquals(1, appender.stats().accepted(), "the warm-up event encoded at start is not handed on");
            assertFalse(statuses.stream().anyMatch(s -> s.contains("warm-up")), "the warm-up event encodes: " + statuses);
            assertEquals(1, list(context).list.size(), "the other appender works as before");
        } finally {
            context.stop();
        }
    }

    @Test
    void withoutBootstrapServersTheAppenderDoesNotStartAndTheApplicationRunsOn() {
        LoggerContext context = Logback.configure("no-bootstrap.xml", Map.of("spoolDir", dir.resolve("spool").toString()));
        try {
            List<String> statuses = Logback.statuses(context);
            assertHas(statuses, "ERROR", "'bootstrapServers' is required");
            KafkaSpoolAppender appender = Logback.appender(context);
            assertFalse(appender.isStarted());
            context.getLogger("app").info("still logging");
            assertEquals(1, list(context).list.size(), "the other appender works as before");
            assertFalse(threadNames().stream().anyMatch(n -> n.startsWith("kafka-spool-")), threadNames().toString());
        } finally {
            context.stop();
        }
    }

    @Test
    void anUndefinedBootstrapVariableIsNamedAndTheAppenderDoesNotStart() {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null && System.getProperty("KAFKA_BOOTSTRAP_SERVERS") == null);
        LoggerContext context = Logback.configure("minimal.xml", Map.of());
        try {
            List<String> statuses = Logback.statuses(context);
            assertHas(statuses, "WARN", "'bootstrapServers' refers to ${KAFKA_BOOTSTRAP_SERVERS}, which is not defined");
            assertHas(statuses, "ERROR", "'bootstrapServers' is required");
            assertFalse(Logback.appender(context).isStarted());
            context.getLogger("app").info("still logging");
        } finally {
            context.stop();
        }
    }

    @Test
    void theProductionConfigurationStartsCleanlyAndNoSecretReachesTheStatusChannel() throws IOException {
        String password = "pa55-w0rd-from-a-secret";
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("kafka.properties"), "password=" + password + "\n");
        LoggerContext context = Logback.configure("production.xml", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", NOBODY_LISTENS,
                "KAFKA_SPOOL_DIR", dir.resolve("spool").toString(),
                "KAFKA_SECRETS_DIR", secrets.toString(),
                "KAFKA_USERNAME", "orders-user"));
        try {
            KafkaSpoolAppender appender = Logback.appender(context);
            assertTrue(appender.isStarted(), Logback.statuses(context).toString());
            context.getLogger("app").error("an event while Kafka is unreachable");
            Await.until(() -> threadNames().contains("kafka-producer-network-thread | kafka-spool-KAFKA"),
                    Duration.ofSeconds(60), () -> "the producer is created: " + Logback.statuses(context));
            Await.until(() -> appender.stats().spoolEvents() == 1, Duration.ofSeconds(60),
                    () -> "disk durability spools the event: " + appender.stats());
            assertTrue(appender.stats().diskSpool(), appender.stats().toString());

            List<String> statuses = Logback.statuses(context);
            assertEquals(List.of(), statuses.stream().filter(s -> s.startsWith("ERROR")).collect(Collectors.toList()));
            assertHas(statuses, "INFO", "sasl.jaas.config=[hidden]");
            assertHas(statuses, "INFO", "topic=logs.{kubernetes.namespace}");
            assertFalse(statuses.stream().anyMatch(s -> s.contains(password)), statuses.toString());
        } finally {
            context.stop();
        }
        assertFalse(Logback.statuses(context).stream().anyMatch(s -> s.contains("pa55")),
                "nor while stopping: " + Logback.statuses(context));
    }

    @Test
    void aConfigProviderReferenceReachesTheKafkaClientUnresolvedByLogback() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("client.properties"), "clientId=from-a-file\n");
        LoggerContext context = Logback.configure("config-provider.xml", Map.of("KAFKA_BOOTSTRAP_SERVERS",
                NOBODY_LISTENS, "spoolDir", dir.resolve("spool").toString(), "secretsDir", secrets.toString()));
        try {
            assertHas(Logback.statuses(context), "INFO", "client.id=${file:" + secrets + "/client.properties:clientId}");
            Await.until(() -> threadNames().contains("kafka-producer-network-thread | from-a-file"),
                    Duration.ofSeconds(60), () -> "the client resolved the reference: " + threadNames());
        } finally {
            context.stop();
        }
    }

    @Test
    void durationsInLogbacksWordsAndInIso8601AreTaken() {
        LoggerContext context = Logback.configure("durations.xml",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", NOBODY_LISTENS, "spoolDir", dir.resolve("spool").toString()));
        try {
            List<String> statuses = Logback.statuses(context);
            assertTrue(Logback.appender(context).isStarted(), statuses.toString());
            assertFalse(statuses.stream().anyMatch(s -> s.contains("is not valid")),
                    "no duration refused: " + statuses);
            assertHas(statuses, "INFO", "blockTimeout=500ms");
            assertHas(statuses, "INFO", "stopTimeout=2m");
            assertHas(statuses, "INFO", "stallTimeout=15s");
        } finally {
            context.stop();
        }
    }

    @Test
    void everySettingIsASetterOfTheSameName() {
        List<String> missing = new ArrayList<>();
        for (Setting<?> setting : SettingCatalog.all()) {
            String name = setting.name();
            String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            try {
                Method m = KafkaSpoolAppender.class.getMethod(setter, String.class);
                assertNotNull(m);
            } catch (NoSuchMethodException e) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "settings Logback cannot set");
    }

    @Test
    void topicPlaceholdersAndConfigProviderReferencesSurviveLogbacksSubstitution() {
        assertEquals("logs.${kubernetes.namespace}.${service.name}",
                UndefinedVariables.restoreTopic("logs.kubernetes.namespace_IS_UNDEFINED.service.name_IS_UNDEFINED"));
        assertEquals("logs.other_IS_UNDEFINED", UndefinedVariables.restoreTopic("logs.other_IS_UNDEFINED"));
        assertEquals("x required password=\"${file:/s/k.properties:password}\";",
                UndefinedVariables.restoreProducerValue("x required password=\"file:/s/k.properties:password_IS_UNDEFINED\";"));
        assertEquals("${directory:/etc/kafka:pw}", UndefinedVariables.restoreProducerValue("directory:/etc/kafka:pw_IS_UNDEFINED"));
        assertEquals("plain", UndefinedVariables.restoreProducerValue("plain"));
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", UndefinedVariables.wholeValueUndefined("KAFKA_BOOTSTRAP_SERVERS_IS_UNDEFINED"));
        assertEquals(null, UndefinedVariables.wholeValueUndefined("kafka:9092"));
    }

    @SuppressWarnings("unchecked")
    private static ListAppender<ILoggingEvent> list(LoggerContext context) {
        return (ListAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LIST");
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toList());
    }

    private static void assertHas(List<String> statuses, String level, String text) {
        assertTrue(statuses.stream().anyMatch(s -> s.startsWith(level) && s.contains(text)),
                level + " status with '" + text + "' in " + statuses);
    }
}
