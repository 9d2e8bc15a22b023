package dev.kafkaspool.log4j2;

import org.apache.kafka.common.header.Headers;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.stream.Collectors;

import java.time.Duration;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class XmlConfigTest {
    private static final String SECRET = "s3cr3t-truststore-pw";

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    XmlConfigTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private Log4jTestContext log4j(String resource, String topic) {
        broker.createTopic(topic, 1);
        return new Log4jTestContext(resource)
                .with("bootstrapServers", broker.bootstrapServers())
                .with("spoolDir", dir.resolve("spool").toString())
                .with("topic", topic);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsCarryTheEventsFieldsAndTheServiceMetadata() {
        Marker audit = MarkerManager.getMarker("AUDIT").setParents(MarkerManager.getMarker("SECURITY"));
        try (StatusCapture status = StatusCapture.register();
                Log4jTestContext log4j = log4j("kafka-spool.xml", "xml.fields").with("password", SECRET).start()) {
            Logger logger = log4j.logger("com.example.OrderService");
            ThreadContext.put("requestId", "r-1");
            try {
                logger.error(audit, "payment {} declined", 42, new RuntimeException("card expired"));
            } finally {
                ThreadContext.clearMap();
            }
            logger.info(new StringMapMessage().with("message", "order placed").with("orderId", "42"));

            List<Map<String, Object>> records = TopicMessages.await(broker, "xml.fields", m -> true, 2);
            Map<String, Object> error = only(records, "payment 42 declined");
            assertEquals("ERROR", error.get("log.level"));
            assertEquals("com.example.OrderService", error.get("log.logger"));
            assertEquals(Thread.currentThread().getName(), error.get("process.thread.name"));
            assertEquals("r-1", ((Map<String, Object>) error.get("labels")).get("requestId"));
            assertEquals(List.of("AUDIT", "SECURITY"), error.get("tags"));
            assertEquals("java.lang.RuntimeException", error.get("error.type"));
            assertEquals("card expired", error.get("error.message"));
            assertTrue(((String) error.get("error.stack_trace")).contains("XmlConfigTest"));
            assertEquals("orders", error.get("service.name"));
            assertEquals("1.4.2", error.get("service.version"));
            Map<String, Object> origin = (Map<String, Object>) error.get("log.origin");
            assertTrue(String.valueOf(origin.get("function")).contains("recordsCarryTheEventsFieldsAndTheServiceMetadata"),
                    "caller data: " + origin);
            assertTrue(((String) error.get("@timestamp")).endsWith("Z"));

            Map<String, Object> map = only(records, "order placed");
            Map<String, Object> labels = (Map<String, Object>) map.get("labels");
            assertEquals("42", labels.get("orderId"));
            assertNull(labels.get("message"), "the map's message is the record's message, not a label");

            List<String> texts = status.texts();
            assertTrue(texts.stream().anyMatch(t -> t.contains("ssl.truststore.password")),
                    "the effective configuration, with the producer property, is reported: " + texts);
            // Log4j's own DEBUG trace of plugin building prints every nested Property's value; the
            // README says so. Everything kafka-spool reports, and everything at INFO and above, hides it.
            List<String> leaks = texts.stream().filter(t -> t.contains(SECRET))
                    .filter(t -> t.substring(t.indexOf(' ') + 1).startsWith("kafka-spool ")
                            || !t.startsWith("DEBUG") && !t.startsWith("TRACE"))
                    .collect(java.util.stream.Collectors.toList());
            assertTrue(leaks.isEmpty(), "the password is in no status message: " + leaks);
        }
    }

    @Test
    void aNestedLog4jLayoutMakesTheRecordValue() {
        try (Log4jTestContext log4j = log4j("kafka-spool-layout.xml", "xml.layout").start()) {
            ThreadContext.put("requestId", "r-7");
            try {
                log4j.logger("com.example.OrderService").info("hello {}", "layout");
            } finally {
                ThreadContext.clearMap();
            }
            List<ConsumerRecord<byte[], byte[]>> records = broker.consume("xml.layout", 1, Duration.ofSeconds(60));
            assertEquals(List.of("INFO OrderService r-7 hello layout"), records.stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList()));
            // The headers say what the value is: the layout's content type, and no built-in layout.
            Headers headers = records.get(0).headers();
            assertEquals("text/plain; charset=UTF-8", new String(headers.lastHeader("content-type").value(),
                    StandardCharsets.UTF_8));
            assertNull(headers.lastHeader("log.layout"), "no built-in layout made this value");
        }
    }

    @Test
    void badSettingsAreNamedOnTheStatusLoggerAndTheApplicationLogsOn() {
        try (StatusCapture status = StatusCapture.register();
                Log4jTestContext log4j = log4j("kafka-spool-bad-settings.xml", "xml.bad").start()) {
            assertFalse(status.warningsContaining("durability", "sometimes").isEmpty(), String.join("\n", status.texts()));
            assertFalse(status.warningsContaining("queueSize", "lots").isEmpty(), String.join("\n", status.texts()));
            assertFalse(status.errorsContaining("nowhere", "bootstrapServers", "required").isEmpty(),
                    String.join("\n", status.texts()));
            assertTrue(log4j.context().isStarted());
            assertNull(log4j.context().getConfiguration().getAppender("nowhere"));

            log4j.logger("app").info("logged with the defaults in place of the bad values");
            assertEquals(1, TopicMessages.await(broker, "xml.bad",
                    m -> m.equals("logged with the defaults in place of the bad values"), 1).size());
        }
    }

    @Test
    void twoAppendersOnOneSpoolDirectoryAreToldApartAndBothDeliver() {
        try (StatusCapture status = StatusCapture.register();
                Log4jTestContext log4j = log4j("kafka-spool-shared-dir.xml", "xml.shared").start()) {
            assertFalse(status.warningsContaining("'first'", "'second'", "spoolDir").isEmpty(),
                    String.join("\n", status.texts()));
            log4j.logger("first").info("to the first");
            log4j.logger("second").info("to the second");
            assertEquals(java.util.Set.of("to the first", "to the second"), TopicMessages.messages(
                    TopicMessages.await(broker, "xml.shared", m -> m.startsWith("to the"), 2)));
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> records, String message) {
        Map<String, Object> found = null;
        for (Map<String, Object> r : records) {
            if (message.equals(r.get("message"))) {
                found = r;
            }
        }
        assertTrue(found != null, "a record with the message '" + message + "' in " + records);
        return found;
    }
}
