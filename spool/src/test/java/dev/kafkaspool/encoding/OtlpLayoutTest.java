package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OTLP layouts, read back with OpenTelemetry's generated classes (protobuf binary, and protobuf's
 * strict JSON parser) and checked field by field.
 */
class OtlpLayoutTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void aFullEventHasEveryFieldWhereTheCollectorLooks(Layout layout) {
        ExportLogsServiceRequest request = encode(layout, LayoutGoldenTest.fullEvent());
        LogRecord r = Otlp.onlyRecord(request);

        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("service.name", "orders");
        resource.put("service.version", "1.4.2");
        resource.put("host.name", "orders-7d9f8-x2x4q");
        resource.put("k8s.pod.name", "orders-7d9f8-x2x4q");
        resource.put("k8s.pod.uid", "8f3c1e2a-1b2c-4d5e-9f00-123456789abc");
        resource.put("k8s.pod.ip", "10.1.2.3");
        resource.put("k8s.namespace.name", "payments");
        resource.put("k8s.node.name", "node-a");
        resource.put("k8s.container.name", "orders");
        resource.put("k8s.pod.label.app.kubernetes.io/name", "orders");
        resource.put("k8s.pod.annotation.team", "payments");
        resource.put("cluster", "eu-1");
        assertEquals(resource, Otlp.strings(request.getResourceLogs(0).getResource().getAttributesList()));
        assertEquals("com.example.OrderService", request.getResourceLogs(0).getScopeLogs(0).getScope().getName());

        assertEquals(1_795_250_096_123_456_789L, r.getTimeUnixNano());
        assertEquals(1_795_250_096_123_456_789L, r.getObservedTimeUnixNano());
        assertEquals(SeverityNumber.SEVERITY_NUMBER_ERROR, r.getSeverityNumber());
        assertEquals("ERROR", r.getSeverityText());
        assertEquals(Otlp.string("payment \"declined\"\nfor order 42"), r.getBody());

        Map<String, AnyValue> a = Otlp.attributes(r.getAttributesList());
        assertEquals(List.of("log.record.uid", "log.record.sequence", "thread.name", "code.function.name",
                "code.file.path", "code.line.number", "log.markers", "exception.type", "exception.message",
                "exception.stacktrace", "orderId", "amount", "retry", "requestId", "user"), List.copyOf(a.keySet()));
        assertEquals(Otlp.string("0123456789abcdef-7"), a.get("log.record.uid"));
        assertEquals(Otlp.integer(7), a.get("log.record.sequence"));
        assertEquals(Otlp.string("http-nio-8080-exec-1"), a.get("thread.name"));
        assertEquals(Otlp.string("com.example.OrderService.pay"), a.get("code.function.name"));
        assertEquals(Otlp.string("OrderService.java"), a.get("code.file.path"));
        assertEquals(Otlp.integer(42), a.get("code.line.number"));
        assertEquals(List.of(Otlp.string("AUDIT")), a.get("log.markers").getArrayValue().getValuesList());
        assertEquals(Otlp.string("java.lang.RuntimeException"), a.get("exception.type"));
        assertEquals(Otlp.string("payment failed"), a.get("exception.message"));
        String trace = a.get("exception.stacktrace").getStringValue();
        assertTrue(trace.startsWith("java.lang.RuntimeException: payment failed\n\tat com.example.OrderService.pay("),
                trace);
        assertTrue(trace.contains("Caused by: java.lang.IllegalStateException: card expired"), trace);
        assertEquals(Otlp.integer(42), a.get("orderId"));
        assertEquals(AnyValue.newBuilder().setDoubleValue(12.5).build(), a.get("amount"));
        assertEquals(AnyValue.newBuilder().setBoolValue(true).build(), a.get("retry"));
        assertEquals(Otlp.string("r-1"), a.get("requestId"));
        assertEquals(Otlp.string("u-9"), a.get("user"));

        assertEquals(ByteString.EMPTY, r.getTraceId(), "no trace context in the MDC");
        assertEquals(ByteString.EMPTY, r.getSpanId());
        assertEquals(0, r.getFlags());
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void theOpenTelemetryAgentsMdcKeysBecomeTheRecordsTraceContext(Layout layout) {
        TestEvent e = new TestEvent().mdc("trace_id", TRACE_ID).mdc("span_id", SPAN_ID).mdc("trace_flags", "01")
                .mdc("requestId", "r-1");
        LogRecord r = Otlp.onlyRecord(encode(layout, e));
        assertEquals(TRACE_ID, idText(layout, r.getTraceId()));
        assertEquals(SPAN_ID, idText(layout, r.getSpanId()));
        assertEquals(1, r.getFlags());
        assertEquals(Map.of("requestId", "r-1"), withoutOwn(Otlp.strings(r.getAttributesList())),
                "the trace context is not repeated as attributes");
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void micrometerTracingsMdcKeysBecomeTheRecordsTraceContext(Layout layout) {
        TestEvent e = new TestEvent().mdc("traceId", TRACE_ID.toUpperCase()).mdc("spanId", SPAN_ID)
                .mdc("trace_id", TRACE_ID);
        LogRecord r = Otlp.onlyRecord(encode(layout, e));
        assertEquals(TRACE_ID, idText(layout, r.getTraceId()), "hex written in lower case");
        assertEquals(SPAN_ID, idText(layout, r.getSpanId()));
        assertEquals(0, r.getFlags(), "Micrometer writes no flags");
        assertEquals(Map.of(), withoutOwn(Otlp.strings(r.getAttributesList())),
                "the same trace id under both libraries' keys is written once");
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void valuesThatAreNoTraceContextStayAttributes(Layout layout) {
        TestEvent e = new TestEvent().mdc("trace_id", "not-hex").mdc("span_id", SPAN_ID + "00")
                .mdc("traceId", TRACE_ID).mdc("trace_flags", "zz");
        e.kv("spanId", SPAN_ID);
        LogRecord r = Otlp.onlyRecord(encode(layout, e));
        assertEquals(TRACE_ID, idText(layout, r.getTraceId()));
        assertEquals(ByteString.EMPTY, r.getSpanId());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spanId", SPAN_ID);
        expected.put("trace_id", "not-hex");
        expected.put("span_id", SPAN_ID + "00");
        expected.put("trace_flags", "zz");
        assertEquals(expected, withoutOwn(Otlp.strings(r.getAttributesList())),
                "a key-value is never trace context; a wrong length or no hex stays an attribute");
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void valuesOfEveryKindAndLengthsBeyondOneVarintByte(Layout layout) {
        TestEvent e = new TestEvent();
        e.level = LogLevel.TRACE;
        e.message = "x".repeat(20_000) + "\u00e9\uD83D\uDE00\uD800";
        e.kv("min", Long.MIN_VALUE).kv("neg", -1).kv("nan", Double.NaN).kv("inf", Double.NEGATIVE_INFINITY)
                .kv("none", null).kv("big", new java.math.BigDecimal("1.50")).kv("short", (short) 3);
        e.logger = null;
        e.thread = null;
        ExportLogsServiceRequest request = encode(layout, e);
        LogRecord r = Otlp.onlyRecord(request);
        assertFalse(request.getResourceLogs(0).getScopeLogs(0).hasScope(), "no logger, no scope");
        assertEquals(SeverityNumber.SEVERITY_NUMBER_TRACE, r.getSeverityNumber());
        assertEquals("x".repeat(20_000) + "\u00e9\uD83D\uDE00\uFFFD", r.getBody().getStringValue());
        Map<String, AnyValue> a = Otlp.attributes(r.getAttributesList());
        assertFalse(a.containsKey("thread.name"));
        assertEquals(Otlp.integer(Long.MIN_VALUE), a.get("min"));
        assertEquals(Otlp.integer(-1), a.get("neg"));
        assertTrue(Double.isNaN(a.get("nan").getDoubleValue()), a.get("nan").toString());
        assertEquals(Double.NEGATIVE_INFINITY, a.get("inf").getDoubleValue());
        assertEquals(AnyValue.getDefaultInstance(), a.get("none"), "null: a value with nothing set");
        assertEquals(Otlp.string("1.50"), a.get("big"));
        assertEquals(Otlp.integer(3), a.get("short"));
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"OTLP_JSON", "OTLP_PROTO"})
    void anEventThatThrowsWhileReadIsStillAnOtlpRecordThatSaysSo(Layout layout) {
        TestEvent e = new TestEvent() {
            @Override
            public void formatMessage(StringBuilder into) {
                into.append("half");
                throw new IllegalArgumentException("bad format");
            }
        };
        EventEncoder encoder = new EventEncoder();
        RecordFormat f = Records.format(layout);
        ExportLogsServiceRequest request = Otlp.parse(layout, encoder.encode(f, e, 1, 2));
        LogRecord r = Otlp.onlyRecord(request);
        assertEquals("kafka-spool could not encode this event: java.lang.IllegalArgumentException",
                r.getBody().getStringValue());
        Map<String, String> a = Otlp.strings(r.getAttributesList());
        assertEquals("bad format", a.get("encoding.error"));
        assertEquals("0000000000000001-2", a.get("log.record.uid"));
        assertEquals("orders", Otlp.strings(request.getResourceLogs(0).getResource().getAttributesList())
                .get("service.name"), "the fallback record keeps the resource");
        LogRecord next = Otlp.onlyRecord(Otlp.parse(layout, encoder.encode(f, new TestEvent(), 1, 3)));
        assertEquals("order 42 accepted", next.getBody().getStringValue(), "the encoder works again");
    }

    @Test
    void bothEncodingsHoldTheSameRequest() {
        TestEvent e = LayoutGoldenTest.fullEvent();
        assertEquals(encode(Layout.OTLP_PROTO, e), encode(Layout.OTLP_JSON, e));
    }

    @Test
    void entriesNeverTakeTheLayoutsOwnAttributesNorEachOthersKeys() {
        TestEvent e = new TestEvent().mdc("thread.name", "from mdc").mdc("orderId", "from mdc").kv("orderId", 42);
        Map<String, AnyValue> a = Otlp.attributes(Otlp.onlyRecord(encode(Layout.OTLP_PROTO, e)).getAttributesList());
        assertEquals(Otlp.string("http-nio-8080-exec-1"), a.get("thread.name"));
        assertEquals(Otlp.string("from mdc"), a.get("mdc.thread.name"));
        assertEquals(Otlp.integer(42), a.get("orderId"));
        assertEquals(Otlp.string("from mdc"), a.get("mdc.orderId"));
    }

    @Test
    void theContentTypeSaysWhatTheRecordsAreAndOtelMeansOtlpJsonWithAWarning() {
        assertEquals("application/x-protobuf", header(Records.format(Layout.OTLP_PROTO), "content-type"));
        assertEquals("otlp_proto", header(Records.format(Layout.OTLP_PROTO), "log.layout"));
        assertEquals("application/json", header(Records.format(Layout.OTLP_JSON), "content-type"));
        @SuppressWarnings("deprecation")
        RecordFormat otel = RecordFormat.create(Records.config(Layout.parse("otel")).build(), Records.POD);
        assertEquals(Layout.OTLP_JSON, otel.layout());
        assertEquals("otlp_json", header(otel, "log.layout"));
        assertTrue(otel.problems().stream().anyMatch(p -> p.contains("'otel' is deprecated")), otel.problems().toString());
        assertEquals(List.of(), Records.format(Layout.OTLP_JSON).problems());
    }

    private static ExportLogsServiceRequest encode(Layout layout, TestEvent e) {
        return Otlp.parse(layout, new EventEncoder().encode(Records.format(layout), e, 0x0123456789abcdefL, 7));
    }

    /**
     * An id as the record wrote it. OTLP JSON writes ids as hex, where protobuf's JSON mapping has
     * base64: protobuf's parser reads the hex digits as base64, so encoding its bytes in base64 gives
     * back the text written. The Collector reads them as hex.
     */
    static String idText(Layout layout, ByteString id) {
        return layout == Layout.OTLP_PROTO ? HexFormat.of().formatHex(id.toByteArray())
                : Base64.getEncoder().encodeToString(id.toByteArray());
    }

    private static Map<String, String> withoutOwn(Map<String, String> attributes) {
        Map<String, String> m = new LinkedHashMap<>(attributes);
        m.keySet().removeAll(List.of("log.record.uid", "log.record.sequence", "thread.name"));
        return m;
    }

    private static String header(RecordFormat f, String name) {
        return new String(f.staticHeaders().get(name), StandardCharsets.UTF_8);
    }
}
