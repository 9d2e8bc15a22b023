package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.google.protobuf.util.JsonFormat;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events logged through Logback with the OTLP layouts arrive in Kafka as the OpenTelemetry
 * Collector's Kafka receiver reads them: each record one {@code ExportLogsServiceRequest}, parsed
 * here with OpenTelemetry's generated classes (protobuf binary, and protobuf's strict JSON parser).
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OtlpRecordsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    OtlpRecordsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void otlpProtoRecordsOnTheReceiversDefaultTopicParseAsExportLogsServiceRequests() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = logTwoEvents("otlp_proto", "otlp_logs");
        assertEquals("application/x-protobuf", Records.header(records.get(0), "content-type"));
        check(ExportLogsServiceRequest.parseFrom(records.get(0).value()),
                ExportLogsServiceRequest.parseFrom(records.get(1).value()), true);
    }

    @Test
    void otlpJsonRecordsParseStrictlyAsExportLogsServiceRequests() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = logTwoEvents("otlp_json", "otlp-json-logs");
        assertEquals("application/json", Records.header(records.get(0), "content-type"));
        check(json(records.get(0)), json(records.get(1)), false);
    }

    private List<ConsumerRecord<byte[], byte[]>> logTwoEvents(String layout, String topic) {
        broker.createTopic(topic, 1);
        LoggerContext context = Logback.configure("otlp.xml", Map.of("KAFKA_BOOTSTRAP_SERVERS",
                broker.bootstrapServers(), "layout", layout, "topic", topic,
                "spoolDir", dir.resolve("spool").toString(), "podInfoDir", dir.resolve("podinfo").toString()));
        try {
            Logger log = context.getLogger("com.example.OrderService");
            // What the OpenTelemetry Java agent puts in the MDC inside a span.
            context.getMDCAdapter().put("trace_id", TRACE_ID);
            context.getMDCAdapter().put("span_id", SPAN_ID);
            context.getMDCAdapter().put("trace_flags", "01");
            context.getMDCAdapter().put("requestId", "r-1");
            log.atInfo().addKeyValue("orderId", 42).setMessage("order {} paid").addArgument(42).log();
            context.getMDCAdapter().clear();
            log.error("order failed", new IllegalStateException("card expired"));
            return broker.consume(topic, 2, Duration.ofSeconds(60));
        } finally {
            context.stop();
        }
    }

    private static void check(ExportLogsServiceRequest info, ExportLogsServiceRequest error, boolean binary) {
        ResourceLogs rl = info.getResourceLogs(0);
        Map<String, String> resource = strings(rl.getResource().getAttributesList());
        assertEquals("orders", resource.get("service.name"), resource.toString());
        assertEquals("1.4.2", resource.get("service.version"));
        assertEquals("production", resource.get("deployment.environment.name"));
        assertTrue(resource.containsKey("k8s.pod.name"), "the host name stands in for the pod name: " + resource);
        assertEquals("com.example.OrderService", rl.getScopeLogs(0).getScope().getName());
        assertEquals(1, rl.getScopeLogs(0).getLogRecordsCount());
        LogRecord r = rl.getScopeLogs(0).getLogRecords(0);
        assertEquals("order 42 paid", r.getBody().getStringValue());
        assertEquals(SeverityNumber.SEVERITY_NUMBER_INFO, r.getSeverityNumber());
        assertEquals("INFO", r.getSeverityText());
        long now = System.currentTimeMillis() * 1_000_000L;
        assertTrue(r.getTimeUnixNano() > now - 600_000_000_000L && r.getTimeUnixNano() <= now, "" + r.getTimeUnixNano());
        Map<String, String> a = strings(r.getAttributesList());
        assertEquals("r-1", a.get("requestId"));
        assertEquals(AnyValue.newBuilder().setIntValue(42).build(), attribute(r, "orderId"));
        assertTrue(a.get("code.function.name").startsWith("dev.kafkaspool.logback.OtlpRecordsTest."), a.toString());
        assertEquals(List.of(), List.copyOf(keysOf(a, "trace_id", "span_id", "trace_flags")), "lifted, not repeated");
        // protobuf's JSON parser reads OTLP JSON's hex ids as base64: base64 of its bytes is the hex written.
        byte[] traceId = r.getTraceId().toByteArray();
        byte[] spanId = r.getSpanId().toByteArray();
        assertEquals(TRACE_ID, binary ? HexFormat.of().formatHex(traceId) : java.util.Base64.getEncoder().encodeToString(traceId));
        assertEquals(SPAN_ID, binary ? HexFormat.of().formatHex(spanId) : java.util.Base64.getEncoder().encodeToString(spanId));
        assertEquals(1, r.getFlags());

        LogRecord e = error.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
        assertEquals(SeverityNumber.SEVERITY_NUMBER_ERROR, e.getSeverityNumber());
        Map<String, String> ea = strings(e.getAttributesList());
        assertEquals("java.lang.IllegalStateException", ea.get("exception.type"));
        assertEquals("card expired", ea.get("exception.message"));
        assertTrue(ea.get("exception.stacktrace").startsWith("java.lang.IllegalStateException: card expired\n\tat "),
                ea.get("exception.stacktrace"));
        assertTrue(e.getTraceId().isEmpty(), "the MDC was cleared");
    }

    private static ExportLogsServiceRequest json(ConsumerRecord<byte[], byte[]> record) throws Exception {
        ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
        JsonFormat.parser().merge(new String(record.value(), StandardCharsets.UTF_8), b);
        return b.build();
    }

    private static AnyValue attribute(LogRecord r, String key) {
        return r.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
                .map(KeyValue::getValue).orElse(null);
    }

    private static List<String> keysOf(Map<String, String> a, String... keys) {
        return List.of(keys).stream().filter(a::containsKey).collect(java.util.stream.Collectors.toList());
    }

    private static Map<String, String> strings(List<KeyValue> list) {
        Map<String, String> m = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            m.put(kv.getKey(), kv.getValue().hasStringValue() ? kv.getValue().getStringValue() : kv.getValue().toString());
        }
        return m;
    }
}
