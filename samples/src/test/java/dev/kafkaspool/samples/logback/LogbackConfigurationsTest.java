package dev.kafkaspool.samples.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.kafkaspool.logback.KafkaSpoolAppender;
import dev.kafkaspool.testbroker.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample {@code logback.xml} files, loaded by Logback's own configurator with the bootstrap
 * address pointing where nothing listens: the appender starts, without an error status, and its
 * Kafka producer is created (the SASL_SSL settings of the production file are valid); no secret
 * reaches the status channel.
 */
class LogbackConfigurationsTest {

    private static final String NOBODY_LISTENS = "127.0.0.1:1";
    private static final String PASSWORD = "pa55-w0rd-from-a-secret";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"logback-minimal.xml, memory", "logback.xml, memory", "logback-production.xml, disk",
            "logback-kubernetes.xml, disk"})
    void startsCleanlyAndCreatesItsProducer(String file, String durability) throws Exception {
        LoggerContext context = configure(file);
        try {
            KafkaSpoolAppender appender = (KafkaSpoolAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender(OrdersService.APPENDER_NAME);
            assertTrue(appender != null && appender.isStarted(), statuses(context).toString());
            context.getLogger("app").info("an event while Kafka is unreachable");
            awaitThread("kafka-producer-network-thread | kafka-spool-" + OrdersService.APPENDER_NAME, context);
            List<String> statuses = statuses(context);
            assertEquals(List.of(), statuses.stream().filter(s -> s.startsWith("ERROR"))
                    .collect(Collectors.toList()));
            assertFalse(statuses.stream().anyMatch(s -> s.contains(PASSWORD)), statuses.toString());
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("INFO") && s.contains(" starting: ")
                    && s.contains("durability=" + durability)), statuses.toString());
        } finally {
            context.stop();
        }
    }

    private LoggerContext configure(String file) throws IOException, JoranException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("kafka.properties"), "password=" + PASSWORD + "\n");
        LoggerContext context = new LoggerContext();
        context.setName(file);
        context.setMDCAdapter(new LogbackMDCAdapter());
        Map.of("KAFKA_BOOTSTRAP_SERVERS", NOBODY_LISTENS,
                "KAFKA_SPOOL_DIR", dir.resolve("spool").toString(),
                "KAFKA_SECRETS_DIR", secrets.toString(),
                "KAFKA_USERNAME", "orders-user",
                "POD_INFO_DIR", dir.resolve("podinfo").toString()).forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(OrdersService.class.getResource(file));
        return context;
    }

    private static void awaitThread(String name, LoggerContext context) {
        Await.until(() -> Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name)),
                Duration.ofSeconds(60), () -> "a thread " + name + "; statuses: " + statuses(context));
    }

    private static List<String> statuses(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .map(LogbackConfigurationsTest::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Status status) {
        String level = status.getLevel() == Status.ERROR ? "ERROR " : status.getLevel() == Status.WARN ? "WARN " : "INFO ";
        StringBuilder text = new StringBuilder(level).append(status.getMessage());
        for (Throwable t = status.getThrowable(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }
}
