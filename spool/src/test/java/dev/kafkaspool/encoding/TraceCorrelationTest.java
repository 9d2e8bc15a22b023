package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The trace context in the MDC, as the OpenTelemetry Java agent, Micrometer Tracing and Elastic's
 * APM agent write it, becomes the layout's own trace fields in ECS ({@code trace.id},
 * {@code span.id}, {@code transaction.id}) and Fluentd ({@code trace_id}, {@code span_id},
 * {@code trace_flags}), and is not repeated among the entries.
 */
class TraceCorrelationTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private static Map<String, Object> encode(Layout layout, TestEvent e) {
        return Records.parse(Records.encode(Records.format(layout), e));
    }

    @Test
    void theOpenTelemetryAgentsKeysBecomeEcsTraceFields() {
        Map<String, Object> r = encode(Layout.ECS, new TestEvent().mdc("requestId", "r-1")
                .mdc("trace_id", TRACE).mdc("span_id", SPAN).mdc("trace_flags", "01"));
        assertEquals(TRACE, r.get("trace.id"));
        assertEquals(SPAN, r.get("span.id"));
        assertNull(r.get("labels/trace_id"));
        assertNull(r.get("labels/span_id"));
        assertEquals("01", r.get("labels/trace_flags"), "ECS has no field for the flags: they stay a label");
        assertEquals("r-1", r.get("labels/requestId"));
    }

    @Test
    void micrometerTracingsKeysBecomeEcsTraceFieldsInLowercase() {
        Map<String, Object> r = encode(Layout.ECS, new TestEvent()
                .mdc("traceId", TRACE.toUpperCase()).mdc("spanId", SPAN));
        assertEquals(TRACE, r.get("trace.id"));
        assertEquals(SPAN, r.get("span.id"));
        assertFalse(r.containsKey("labels/traceId"), r::toString);
        assertFalse(r.containsKey("labels/spanId"), r::toString);
        assertFalse(r.keySet().stream().anyMatch(k -> k.startsWith("labels/")), r::toString);
    }

    @Test
    void elasticApmKeysGiveTraceAndTransactionIds() {
        Map<String, Object> r = encode(Layout.ECS, new TestEvent()
                .mdc("trace.id", TRACE).mdc("transaction.id", "e1f2a3b4c5d6e7f8"));
        assertEquals(TRACE, r.get("trace.id"));
        assertEquals("e1f2a3b4c5d6e7f8", r.get("transaction.id"));
        assertFalse(r.keySet().stream().anyMatch(k -> k.startsWith("labels/")), r::toString);

        Map<String, Object> snake = encode(Layout.ECS, new TestEvent().mdc("transaction_id", "t-1"));
        assertEquals("t-1", snake.get("transaction.id"));
        assertNull(snake.get("labels/transaction_id"));
    }

    @Test
    void valuesThatAreNotIdsStayLabels() {
        Map<String, Object> r = encode(Layout.ECS, new TestEvent().mdc("trace_id", "not-hex").mdc("spanId", "abc"));
        assertNull(r.get("trace.id"));
        assertNull(r.get("span.id"));
        assertEquals("not-hex", r.get("labels/trace_id"));
        assertEquals("abc", r.get("labels/spanId"));
    }

    @Test
    void keyValuesAreNeverTraceContext() {
        Map<String, Object> r = encode(Layout.ECS, new TestEvent().kv("trace_id", TRACE));
        assertNull(r.get("trace.id"));
        assertEquals(TRACE, r.get("labels/trace_id"));
    }

    @Test
    void theOpenTelemetryAgentsKeysBecomeFluentdTopLevelFields() {
        Map<String, Object> r = encode(Layout.FLUENTD, new TestEvent().mdc("requestId", "r-1")
                .mdc("trace_id", TRACE).mdc("span_id", SPAN).mdc("trace_flags", "01"));
        assertEquals(TRACE, r.get("trace_id"));
        assertEquals(SPAN, r.get("span_id"));
        assertEquals("01", r.get("trace_flags"));
        assertEquals("r-1", r.get("attributes/requestId"));
        assertFalse(r.keySet().stream().anyMatch(k -> k.startsWith("attributes/t") || k.startsWith("attributes/s")),
                r::toString);
    }

    @Test
    void micrometerTracingsKeysBecomeFluentdTopLevelFields() {
        Map<String, Object> r = encode(Layout.FLUENTD, new TestEvent().mdc("traceId", TRACE).mdc("spanId", SPAN));
        assertEquals(TRACE, r.get("trace_id"));
        assertEquals(SPAN, r.get("span_id"));
        assertNull(r.get("trace_flags"));
        assertFalse(r.containsKey("attributes/traceId"), r::toString);
        assertFalse(r.containsKey("attributes/spanId"), r::toString);
    }
}
