package dev.kafkaspool.logback;

import dev.kafkaspool.engine.DropReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * logback-kafka-appender's published configurations (its README's full example and its example
 * {@code logback.xml}), with only the appender's class swapped and the brokers and topics made
 * variables, loaded through Joran against a real broker: they start without an error status and
 * every event logged arrives; a fallback appender gets the events dropped on the logging thread.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MigrationTest {
    private static final Pattern NUMBER = Pattern.compile(" - (\\d+): ");
    private final KafkaBroker broker;
    private String tmpdir;

    @TempDir
    Path dir;

    MigrationTest(KafkaBroker broker) {
        this.broker = broker;
    }

    /** The published configurations set no spool directory: keep the default one inside this test's directory. */
    @BeforeEach
    void spoolUnderTheTestsDirectory() {
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", dir.toString());
    }

    @AfterEach
    void restoreProperties() {
        System.setProperty("java.io.tmpdir", tmpdir);
        System.clearProperty("logback.configurationFile");
    }

    /**
     * Loads a file as an application pointing Logback at it with {@code logback.configurationFile}
     * does, which is where the appender finds logback-kafka-appender's strategy classes again.
     */
    private static LoggerContext configure(String file, Map<String, String> properties) {
        System.setProperty("logback.configurationFile", MigrationTest.class.getResource("/logback/" + file).toString());
        return Logback.configure(file, properties);
    }

    @Test
    void theReadmesFullExampleStartsCleanlyAndEveryEventArrivesAsPlainText() {
        broker.createTopic("readme", 3);
        LoggerContext context = configure("migration/readme-example.xml",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "KAFKA_TOPIC", "readme"));
        try {
            List<String> statuses = Logback.statuses(context);
            assertNoError(statuses);
            assertHas(statuses, "INFO", "brokers are taken from the producer property bootstrap.servers");
            assertHas(statuses, "INFO", "NoKeyKeyingStrategy becomes key=none");
            assertHas(statuses, "INFO", "AsynchronousDeliveryStrategy is how kafka-spool always works");
            KafkaSpoolAppender appender = appender(context, "kafkaAppender");
            assertTrue(appender.isAttached(appender.getAppender("STDOUT")), "STDOUT is the fallback appender");

            logNumbered(context, 1000);
            List<ConsumerRecord<byte[], byte[]>> records = broker.consume("readme", 1000, Duration.ofSeconds(60));
            assertEquals(range(1, 1000), numbers(records));
            assertEquals(0, appender.stats().droppedTotal(), appender.stats().toString());
            for (ConsumerRecord<byte[], byte[]> r : records) {
                assertNull(r.key());
                assertPlainTextHeaders(r);
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void theExampleFilesTwoAppendersStartCleanlyWithAcksResolvedAndTheHostKey() {
        broker.createTopic("relaxed", 3);
        broker.createTopic("restrictive", 3);
        LoggerContext context = configure("migration/example.xml", Map.of("KAFKA_BOOTSTRAP_SERVERS",
                broker.bootstrapServers(), "RELAXED_TOPIC", "relaxed", "RESTRICTIVE_TOPIC", "restrictive"));
        try {
            List<String> statuses = Logback.statuses(context);
            assertNoError(statuses);
            assertHas(statuses, "WARN", "[very-relaxed-and-fast-kafka-appender] configuration: producer property "
                    + "acks=0 conflicts with the idempotent producer");
            assertHas(statuses, "WARN", "acks=all is used");
            assertHas(statuses, "INFO", "HostNameKeyingStrategy becomes key=pod");
            assertHas(statuses, "WARN", "BlockingDeliveryStrategy (timeout 0) made each log call wait for Kafka");
            assertFalse(statuses.stream().anyMatch(s -> s.contains("Ignoring unknown property")), statuses.toString());
            assertFalse(statuses.stream().anyMatch(s -> s.contains("'max.block.ms'")),
                    "max.block.ms=0 is the engine's own value: " + statuses);

            logNumbered(context, 1000);
            List<ConsumerRecord<byte[], byte[]>> relaxed = broker.consume("relaxed", 1000, Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> restrictive =
                    broker.consume("restrictive", 1000, Duration.ofSeconds(60));
            assertEquals(range(1, 1000), numbers(relaxed));
            assertEquals(range(1, 1000), numbers(restrictive));
            Set<String> keys = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : restrictive) {
                assertNotNull(r.key(), "HostNameKeyingStrategy gives every record the pod's name as key");
                keys.add(new String(r.key(), StandardCharsets.UTF_8));
                assertPlainTextHeaders(r);
            }
            assertEquals(Set.of(Records.header(restrictive.get(0), "k8s.pod.name")), keys);
            assertEquals(1, restrictive.stream().map(ConsumerRecord::partition).distinct().count(),
                    "one key, one partition");
            assertTrue(relaxed.stream().allMatch(r -> r.key() == null));
        } finally {
            context.stop();
        }
    }

    @Test
    void eventsDroppedOnTheLoggingThreadGoToTheFallbackAppenderAndTheRestArrive() {
        broker.createTopic("dropped", 1);
        broker.stop();
        LoggerContext context = Logback.configure("migration/fallback.xml", Map.of("KAFKA_BOOTSTRAP_SERVERS",
                broker.bootstrapServers(), "KAFKA_TOPIC", "dropped", "SPOOL_DIR", dir.resolve("spool").toString()));
        try {
            assertNoError(Logback.statuses(context));
            KafkaSpoolAppender appender = appender(context, "kafkaAppender");
            @SuppressWarnings("unchecked")
            ListAppender<ILoggingEvent> fallback = (ListAppender<ILoggingEvent>) appender.getAppender("FALLBACK");

            int logged = 20_000; // far more than a 1 MiB spool holds with Kafka down
            logNumbered(context, logged);
            long dropped = appender.stats().dropped(DropReason.SPOOL_FULL);
            assertTrue(dropped > 0, appender.stats().toString());
            assertEquals(dropped, appender.stats().droppedTotal(), appender.stats().toString());
            assertEquals(dropped, fallback.list.size());
            Set<Long> forwarded = fallback.list.stream().map(e -> number(e.getFormattedMessage()))
                    .collect(Collectors.toCollection(TreeSet::new));

            broker.restart();
            List<ConsumerRecord<byte[], byte[]>> arrived =
                    broker.consume("dropped", (int) (logged - dropped), Duration.ofSeconds(120));
            Set<Long> all = new TreeSet<>(numbers(arrived));
            assertEquals(logged - dropped, all.size(), "each spooled event arrives once");
            all.addAll(forwarded);
            assertEquals(range(1, logged), all, "every event arrived or went to the fallback appender");
        } finally {
            context.stop();
        }
    }

    @Test
    void withoutBrokersTheAppenderDoesNotStartAndItsEventsGoToTheFallbackAppender() {
        LoggerContext context = Logback.configure("migration/fallback.xml",
                Map.of("SPOOL_DIR", dir.resolve("spool").toString()));
        try {
            List<String> statuses = Logback.statuses(context);
            assertHas(statuses, "WARN", "'bootstrap.servers' refers to ${KAFKA_BOOTSTRAP_SERVERS}");
            assertHas(statuses, "ERROR", "not started");
            KafkaSpoolAppender appender = appender(context, "kafkaAppender");
            @SuppressWarnings("unchecked")
            ListAppender<ILoggingEvent> fallback = (ListAppender<ILoggingEvent>) appender.getAppender("FALLBACK");
            logNumbered(context, 10);
            assertEquals(range(1, 10), fallback.list.stream().map(e -> number(e.getFormattedMessage()))
                    .collect(Collectors.toCollection(TreeSet::new)));
        } finally {
            context.stop();
        }
    }

    private static KafkaSpoolAppender appender(LoggerContext context, String name) {
        return (KafkaSpoolAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    private static void logNumbered(LoggerContext context, int count) {
        Logger log = context.getLogger("com.example.Migrated");
        for (int i = 1; i <= count; i++) {
            log.info("{}: migrated", i);
        }
    }

    private static void assertPlainTextHeaders(ConsumerRecord<byte[], byte[]> r) {
        assertTrue(Records.header(r, "content-type").startsWith("text/plain; charset="),
                Records.header(r, "content-type"));
        assertNull(Records.header(r, "log.layout"), "a pattern is none of the built-in layouts");
        assertEquals("INFO", Records.header(r, "log.level"));
        assertNotNull(Records.header(r, "event.id"));
        assertNotNull(Records.header(r, "k8s.pod.name"));
    }

    /** The numbers of the records' values, each once: a duplicate fails. */
    private static Set<Long> numbers(List<ConsumerRecord<byte[], byte[]>> records) {
        Set<Long> numbers = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            long n = number(new String(r.value(), StandardCharsets.UTF_8));
            assertTrue(numbers.add(n), "event " + n + " arrived twice");
        }
        return numbers;
    }

    private static long number(String text) {
        Matcher m = NUMBER.matcher(" - " + text);
        assertTrue(m.find(), text);
        return Long.parseLong(m.group(1));
    }

    private static Set<Long> range(long from, long to) {
        Set<Long> s = new TreeSet<>();
        for (long n = from; n <= to; n++) {
            s.add(n);
        }
        return s;
    }

    private static void assertNoError(List<String> statuses) {
        assertFalse(statuses.stream().anyMatch(s -> s.startsWith("ERROR")), statuses.toString());
    }

    private static void assertHas(List<String> statuses, String level, String text) {
        assertTrue(statuses.stream().anyMatch(s -> s.startsWith(level) && s.contains(text)),
                level + " '" + text + "' in " + statuses);
    }
}
