package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** What a record holds, for events logged through real {@code logback.xml} files. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecordFieldsTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    RecordFieldsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private Map<String, String> properties(String topic, String errorTopic) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "topic", topic, "errorTopic", errorTopic,
                "spoolDir", dir.resolve("spool").toString(),
                "podInfoDir", dir.resolve("podinfo").toString());
    }

    @Test
    void anEcsRecordCarriesMdcKeyValuesMarkersTheExceptionCallerDataAndPodMetadata() throws IOException {
        broker.createTopic("fields", 1);
        Files.createDirectories(dir.resolve("podinfo"));
        Files.writeString(dir.resolve("podinfo/labels"), "app.kubernetes.io/name=\"orders\"\ntier=\"backend\"\n");
        LoggerContext context = Logback.configure("fields.xml", properties("fields", "fields"));
        try {
            Logger log = context.getLogger("com.example.OrderService");
            Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
            audit.add(MarkerFactory.getDetachedMarker("PII"));
            context.getMDCAdapter().put("requestId", "r-1");
            log.atInfo().addMarker(audit).addKeyValue("orderId", 42).addKeyValue("amount", 12.5)
                    .addKeyValue("retry", true).setMessage("payment {}").addArgument("\"declined\"").log();
            context.getMDCAdapter().clear();
            RuntimeException failure = new RuntimeException("payment failed", new IllegalStateException("card expired"));
            failure.addSuppressed(new IOException("close failed"));
            log.error("order {} failed", 42, failure);
            KafkaSpoolAppender appender = Logback.appender(context);
            Await.until(() -> appender.stats().shipped() >= 2, Duration.ofSeconds(60),
                    () -> appender.stats() + " " + Logback.statuses(context));

            List<ConsumerRecord<byte[], byte[]>> both = broker.consume("fields", 2, Duration.ofSeconds(60));
            ConsumerRecord<byte[], byte[]> info = both.get(0);
            Map<String, Object> r = Records.parse(info);
            assertEquals("payment \"declined\"", r.get("message"), r.toString());
            assertEquals("INFO", r.get("log.level"));
            assertEquals("com.example.OrderService", r.get("log.logger"));
            assertEquals(Thread.currentThread().getName(), r.get("process.thread.name"));
            assertEquals(42L, r.get("labels/orderId"));
            assertEquals("12.5", r.get("labels/amount"));
            assertEquals(true, r.get("labels/retry"));
            assertEquals("r-1", r.get("labels/requestId"));
            assertEquals("[AUDIT,PII]", r.get("tags"));
            assertEquals("orders", r.get("service.name"));
            assertEquals("1.4.2", r.get("service.version"));
            assertEquals("payments", r.get("team"));
            assertEquals("orders", r.get("kubernetes/labels/app_kubernetes_io/name"), r.toString());
            assertEquals("backend", r.get("kubernetes/labels/tier"));
            assertNotNull(r.get("kubernetes/pod/name"), "the host name stands in for the pod name");
            assertTrue(String.valueOf(r.get("@timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"), r.toString());
            assertEquals("anEcsRecordCarriesMdcKeyValuesMarkersTheExceptionCallerDataAndPodMetadata",
                    r.get("log.origin/function"), "caller data, computed since includeCallerData is set");
            assertEquals("RecordFieldsTest.java", r.get("log.origin/file/name"));
            assertEquals(Records.header(info, "event.id"), r.get("event.id"));
            assertEquals("INFO", Records.header(info, "log.level"));

            Map<String, Object> e = Records.parse(both.get(1));
            assertEquals("order 42 failed", e.get("message"));
            assertEquals("java.lang.RuntimeException", e.get("error.type"));
            assertEquals("payment failed", e.get("error.message"));
            String trace = String.valueOf(e.get("error.stack_trace"));
            assertTrue(trace.startsWith("java.lang.RuntimeException: payment failed\n\tat "), trace);
            assertTrue(trace.contains("\tSuppressed: java.io.IOException: close failed"), trace);
            assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: card expired"), trace);
            assertEquals(null, e.get("labels/requestId"), "the MDC was cleared");
        } finally {
            context.stop();
        }
    }

    @Test
    void errorsGoToTheErrorTopicWithItsPlaceholderResolved() {
        broker.createTopic("split", 1);
        broker.createTopic("split.orders", 1);
        LoggerContext context = Logback.configure("fields.xml", properties("split", "split.${service.name}"));
        try {
            Logger log = context.getLogger("com.example.OrderService");
            log.info("fine");
            log.error("broken");
            KafkaSpoolAppender appender = Logback.appender(context);
            Await.until(() -> appender.stats().shipped() >= 2, Duration.ofSeconds(60),
                    () -> appender.stats() + " " + Logback.statuses(context));
            assertEquals("fine", Records.parse(broker.consume("split", 1, Duration.ofSeconds(60)).get(0)).get("message"));
            assertEquals("broken", Records.parse(broker.consume("split.orders", 1, Duration.ofSeconds(60)).get(0))
                    .get("message"));
        } finally {
            context.stop();
        }
    }

    @Test
    void theMinimalConfigurationShipsEcsRecordsToTheLogsTopic() {
        String token = UUID.randomUUID().toString();
        LoggerContext context = Logback.configure("minimal.xml",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        try {
            context.getLogger("minimal").info("hello {}", token);
            KafkaSpoolAppender appender = Logback.appender(context);
            Await.until(() -> appender.stats().shipped() >= 1, Duration.ofSeconds(60), () -> "" + appender.stats());
            List<String> messages = broker.consume("logs", 1, Duration.ofSeconds(60)).stream()
                    .map(r -> String.valueOf(Records.parse(r).get("message"))).collect(Collectors.toList());
            // The default spool directory is shared by runs: what an earlier, failed run left arrives too.
            assertTrue(messages.contains("hello " + token), messages.toString());
            Map<String, Object> r = Records.parse(broker.consume("logs", 1, Duration.ofSeconds(60)).get(0));
            assertNotNull(r.get("ecs.version"), "ECS is the default layout: " + r);
        } finally {
            context.stop();
        }
    }

    @Test
    void aDeserializedEventKeepsItsExceptionsText() {
        broker.createTopic("fields-remote", 1);
        LoggerContext context = Logback.configure("fields.xml", properties("fields-remote", "fields-remote"));
        KafkaSpoolAppender appender = Logback.appender(context);
        try {
            Logger log = context.getLogger("com.example.Remote");
            RuntimeException failure = new RuntimeException("remote failed", new IllegalStateException("remote cause"));
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, Level.WARN, "from {}",
                    failure, new Object[] {"afar"});
            // What a socket receiver hands to appenders: the exception as Logback's description only.
            appender.doAppend(LoggingEventVO.build(event));

            Await.until(() -> appender.stats().shipped() >= 1, Duration.ofSeconds(60),
                    () -> appender.stats() + " " + Logback.statuses(context));
            Map<String, Object> r = Records.parse(broker.consume("fields-remote", 1, Duration.ofSeconds(60)).get(0));
            assertEquals("from afar", r.get("message"), r.toString());
            assertEquals("WARN", r.get("log.level"));
            assertEquals("remote failed", r.get("error.message"));
            String trace = String.valueOf(r.get("error.stack_trace"));
            assertTrue(trace.startsWith("java.lang.RuntimeException: remote failed"), trace);
            assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: remote cause"), trace);
        } finally {
            context.stop();
        }
    }

    @Test
    void anEncoderMakesTheValueAndTheEventStillGivesHeaders() {
        broker.createTopic("encoded", 1);
        LoggerContext context = Logback.configure("encoder.xml", properties("encoded", "encoded"));
        try {
            context.getLogger("com.example.Plain").warn("plain {}", "text");
            ConsumerRecord<byte[], byte[]> r = broker.consume("encoded", 1, Duration.ofSeconds(60)).get(0);
            assertEquals("WARN com.example.Plain - plain text", new String(r.value(), StandardCharsets.UTF_8));
            assertEquals("WARN", Records.header(r, "log.level"));
            assertNotNull(Records.header(r, "event.id"));
            assertTrue(Records.header(r, "content-type").startsWith("text/plain; charset="),
                    "the pattern's content type, not JSON: " + Records.header(r, "content-type"));
            assertEquals(null, Records.header(r, "log.layout"), "a pattern is none of the built-in layouts");
        } finally {
            context.stop();
        }
    }

    @Test
    void behindAnAsyncAppenderEventsArriveInOrderWithTheLoggingThreadsName() {
        broker.createTopic("async", 1);
        LoggerContext context = Logback.configure("async.xml", properties("async", "async"));
        try {
            AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
            KafkaSpoolAppender appender = (KafkaSpoolAppender) async.getAppender("KAFKA");
            assertTrue(appender.isStarted());
            Logger log = context.getLogger("com.example.Async");
            for (int i = 1; i <= 500; i++) {
                context.getMDCAdapter().put("i", Integer.toString(i));
                log.info("{}: async", i);
            }
            context.getMDCAdapter().clear();
            Delivery d = Delivery.of(broker.consume("async", 500, Duration.ofSeconds(60)), Records::message);
            assertEquals(List.of(), d.missing(1, 500), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            Map<String, Object> last = Records.parse(broker.consume("async", 500, Duration.ofSeconds(60)).get(499));
            assertEquals(Thread.currentThread().getName(), last.get("process.thread.name"));
            assertEquals("500", last.get("labels/i"), "the MDC as it was when the event was logged");
        } finally {
            context.stop();
        }
    }
}
