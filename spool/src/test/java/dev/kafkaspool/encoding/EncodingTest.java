package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.kafkaspool.pod.PodMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncation, invalid text, hostile exceptions, name collisions, keys, topics and headers. */
class EncodingTest {

    @Test
    void aLongMessageIsCutWithAVisibleMarker() {
        TestEvent e = new TestEvent();
        e.message = "x".repeat(100_000);
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.ECS), e));
        String m = (String) r.get("message");
        assertTrue(m.startsWith("x".repeat(32_768)), "keeps maxMessageLength characters");
        assertTrue(m.endsWith("...[truncated 67232 chars]"), m.substring(32_760));
    }

    @Test
    void longMdcValuesAndStackTracesAreCutToo() {
        RecordFormat f = RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.MAX_VALUE_LENGTH, 16).set(EncodingSettings.MAX_STACK_TRACE_LENGTH, 300).build(),
                PodMetadata.empty());
        TestEvent e = new TestEvent().mdc("big", "v".repeat(50));
        e.thrown = deepChain(200);
        Map<String, Object> r = Records.parse(Records.encode(f, e));
        assertEquals("v".repeat(16) + "...[truncated 34 chars]", r.get("labels/big"));
        String trace = (String) r.get("error.stack_trace");
        assertTrue(trace.contains("...[truncated "), trace);
        assertTrue(trace.length() < 400, "cut near the limit: " + trace.length());
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "FLUENTD"}) // OTLP: OtlpRandomEventsTest
    void controlCharactersAndLoneSurrogatesStayValidJson(Layout layout) {
        TestEvent e = new TestEvent();
        e.message = "bell\u0007 nul\u0000 esc\u001b lone\uD800 pair\uD83D\uDE00 low\uDC00 quote\" slash\\";
        e.mdc("key\uD800", "value\uDFFF\u0001");
        e.thread = "t\uD800";
        Map<String, Object> r = Records.parse(Records.encode(Records.format(layout), e));
        String body = String.valueOf(r.get(layout == Layout.ECS ? "message" : "log"));
        assertTrue(body.contains("bell\u0007 nul\u0000 esc\u001b lone\uFFFD pair\uD83D\uDE00 low\uFFFD quote\" slash\\"),
                body);
    }

    @Test
    void exceptionsWhoseMethodsThrowAndCyclicCausesStillGiveARecord() {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message for you");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("no text for you");
            }
        };
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        a.addSuppressed(hostile);
        TestEvent e = new TestEvent();
        e.thrown = a;
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.ECS), e));
        String trace = (String) r.get("error.stack_trace");
        assertTrue(trace.contains("Caused by: java.lang.RuntimeException: b"), trace);
        assertTrue(trace.contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: a]"), trace);
        assertTrue(trace.contains("Suppressed: ") && trace.contains("its toString() threw"), trace);
    }

    @Test
    void anEventThatThrowsWhileReadIsStillARecordThatSaysSo() {
        TestEvent e = new TestEvent() {
            @Override
            public void formatMessage(StringBuilder into) {
                throw new IllegalArgumentException("bad format");
            }
        };
        EventEncoder encoder = new EventEncoder();
        RecordFormat f = Records.format(Layout.ECS); // OTLP: OtlpLayoutTest
        Map<String, Object> r = Records.parse(text(encoder.encode(f, e, 1, 2)));
        assertEquals("kafka-spool could not encode this event: java.lang.IllegalArgumentException", r.get("message"));
        assertEquals("bad format", r.get("encoding.error"));
        assertEquals("0000000000000001-2", r.get("event.id"));

        Map<String, Object> next = Records.parse(text(encoder.encode(f, new TestEvent(), 1, 3)));
        assertEquals("order 42 accepted", next.get("message"), "the encoder works again after a failure");
    }

    @Test
    void entriesNeverOverwriteTheLayoutsOwnFieldsNorEachOther() {
        TestEvent e = new TestEvent().mdc("thread.name", "from mdc").mdc("orderId", "from mdc").kv("orderId", 42);
        // OTLP: OtlpLayoutTest
        Map<String, Object> ecs = Records.parse(Records.encode(Records.format(Layout.ECS), e));
        assertEquals(42L, ecs.get("labels/orderId"));
        assertEquals("from mdc", ecs.get("labels/mdc_orderId"));
        assertEquals("from mdc", ecs.get("labels/thread_name"), "in ECS the MDC has its own object");
    }

    @Test
    void extraFieldsThatCollideWithTheLayoutAreLeftOutAndSaidSo() {
        PodMetadata pod = PodMetadata.builder().extraFields(Map.of("message", "x", "team", "payments")).build();
        RecordFormat f = RecordFormat.create(Records.config(Layout.ECS).build(), pod);
        assertTrue(f.problems().stream().anyMatch(p -> p.contains("extra field 'message'")), f.problems().toString());
        Map<String, Object> r = Records.parse(Records.encode(f, new TestEvent()));
        assertEquals("order 42 accepted", r.get("message"));
        assertEquals("payments", r.get("team"));
    }

    @Test
    void keysFollowTheStrategy() {
        assertEquals(null, key("none", new TestEvent()));
        assertEquals("orders-7d9f8-x2x4q", key("pod", new TestEvent()));
        assertEquals("com.example.OrderService", key("logger", new TestEvent()));
        assertEquals("http-nio-8080-exec-1", key("thread", new TestEvent()));
        assertEquals("acme", key("mdc:tenant", new TestEvent().mdc("tenant", "acme")));
        assertNull(key("mdc:tenant", new TestEvent()), "no such MDC entry: no key");
        assertThrows(IllegalArgumentException.class, () -> KeyStrategy.parse("mdc:"));
        assertThrows(IllegalArgumentException.class, () -> KeyStrategy.parse("random"));
    }

    @Test
    void topicTemplatesResolveOnceAndErrorsCanGoElsewhere() {
        RecordFormat f = RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.TOPIC, "logs.${kubernetes.namespace}")
                .set(EncodingSettings.ERROR_TOPIC, "errors.{service.name}").build(), Records.POD);
        assertEquals("logs.payments", f.topicFor(LogLevel.INFO));
        assertEquals("errors.orders", f.topicFor(LogLevel.ERROR));
        assertEquals("errors.orders", f.topicFor(LogLevel.FATAL));

        RecordFormat odd = RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.TOPIC, "logs/${kubernetes.namespace}").build(), PodMetadata.empty());
        assertEquals("logs_unknown", odd.topicFor(LogLevel.INFO));
        assertEquals(2, odd.problems().size(), odd.problems().toString());
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.TOPIC, "logs.${pod}").build(), Records.POD));
        assertThrows(IllegalArgumentException.class, () -> RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.TOPIC, "logs.{kubernetes.namespace").build(), Records.POD));
        assertEquals("a-payments-orders.b", RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.TOPIC, "a-{kubernetes.namespace}-${service.name}.b").build(), Records.POD)
                .topicFor(LogLevel.INFO), "both forms, side by side");
    }

    @Test
    void recordsCarryRoutingHeaders() {
        Map<String, byte[]> h = Records.format(Layout.FLUENTD).staticHeaders();
        assertEquals("application/json", new String(h.get("content-type"), StandardCharsets.UTF_8));
        assertEquals("fluentd", new String(h.get("log.layout"), StandardCharsets.UTF_8));
        assertEquals("orders-7d9f8-x2x4q", new String(h.get("k8s.pod.name"), StandardCharsets.UTF_8));
        assertEquals("payments", new String(h.get("k8s.namespace.name"), StandardCharsets.UTF_8));
        assertEquals("orders", new String(h.get("k8s.container.name"), StandardCharsets.UTF_8));
        assertFalse(RecordFormat.create(Records.config(Layout.ECS).build(), PodMetadata.empty()).staticHeaders()
                .containsKey("k8s.pod.name"), "outside Kubernetes only what exists");
    }

    @Test
    void timestampsMatchJavaTimeAtEveryPrecision() {
        Timestamps t = new Timestamps();
        char[] out = new char[Timestamps.MAX_LENGTH];
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1L : 2L);
            int nanos = List.of(0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000,
                    random.nextInt(1_000_000_000)).get(i % 4);
            String expected = Instant.ofEpochSecond(second, nanos).toString();
            if (nanos == 0) {
                expected = expected.replace("Z", ".000Z");
            }
            assertEquals(expected, new String(out, 0, t.format(second, nanos, out)));
        }
    }

    private static String key(String strategy, TestEvent e) {
        RecordFormat f = RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.KEY, KeyStrategy.parse(strategy)).build(), Records.POD);
        EncodedEvent encoded = new EventEncoder().encode(f, e, 1, 1);
        return encoded.keyLength() < 0 ? null
                : new String(encoded.keyBytes(), 0, encoded.keyLength(), StandardCharsets.UTF_8);
    }

    private static String text(EncodedEvent e) {
        return new String(e.valueBytes(), 0, e.valueLength(), StandardCharsets.UTF_8);
    }

    private static Throwable deepChain(int depth) {
        Throwable t = new IllegalStateException("root");
        for (int i = 0; i < depth; i++) {
            t = new RuntimeException("level " + i, t);
        }
        return t;
    }
}
