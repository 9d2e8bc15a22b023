package dev.kafkaspool.logback;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import co.elastic.logging.logback.EcsEncoder;
import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.EventEncoder;
import dev.kafkaspool.encoding.Layout;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.pod.PodMetadata;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;

/**
 * The {@code ecs} layout against Elastic's own Logback encoder ({@code co.elastic.logging:logback-ecs-encoder})
 * on the same Logback events: every field both write has the same name, JSON type and value, and the
 * fields only one of them writes are exactly the differences {@code docs/records.md} lists.
 */
class EcsEncoderComparisonTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final LoggerContext context = new LoggerContext();
    private final Logger logger;

    EcsEncoderComparisonTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        logger = context.getLogger("com.example.OrderService");
    }

    private LoggingEvent fullEvent() {
        IllegalStateException cause = new IllegalStateException("card expired");
        RuntimeException top = new RuntimeException("payment failed", cause);
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "payment {} for order {}", top,
                new Object[] {"declined", 42});
        e.setInstant(Instant.ofEpochSecond(1_795_250_096L, 123_000_000));
        e.setThreadName("http-nio-8080-exec-1");
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("requestId", "r-1");
        mdc.put("trace_id", TRACE);
        mdc.put("span_id", SPAN);
        mdc.put("transaction.id", "e1f2a3b4c5d6e7f8");
        e.setMDCPropertyMap(mdc);
        e.addMarker(MarkerFactory.getDetachedMarker("AUDIT"));
        e.setCallerData(new StackTraceElement[] {
            new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 42)});
        return e;
    }

    private String elastic(LoggingEvent e) {
        EcsEncoder encoder = new EcsEncoder();
        encoder.setContext(context);
        encoder.setServiceName("orders");
        encoder.setServiceVersion("1.4.2");
        encoder.setServiceEnvironment("production");
        encoder.setServiceNodeName("orders-7d9f8-x2x4q");
        encoder.setIncludeOrigin(true);
        encoder.setIncludeMarkers(true);
        encoder.start();
        return new String(encoder.encode(e), StandardCharsets.UTF_8).trim();
    }

    private static String ours(LoggingEvent e) {
        SpoolConfig config = SpoolConfig.builder().set(EngineSettings.BOOTSTRAP_SERVERS, "localhost:9092")
                .set(EncodingSettings.LAYOUT, Layout.ECS).set(EncodingSettings.SERVICE_NAME, "orders")
                .set(EncodingSettings.SERVICE_VERSION, "1.4.2").set(EncodingSettings.SERVICE_ENVIRONMENT, "production")
                .set(EncodingSettings.SERVICE_NODE_NAME, "orders-7d9f8-x2x4q").build();
        RecordFormat format = RecordFormat.create(config, PodMetadata.empty());
        EncodedEvent encoded = new EventEncoder().encode(format, new LogbackEventView().wrap(e, true), 42, 7);
        return new String(encoded.valueBytes(), 0, encoded.valueLength(), StandardCharsets.UTF_8);
    }

    @Test
    void fieldsBothWriteAgreeAndEveryDifferenceIsAKnownOne() {
        LoggingEvent e = fullEvent();
        Map<String, Object> theirs = flatten(elastic(e));
        Map<String, Object> ours = flatten(ours(e));

        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version"),
                List.copyOf(ours.keySet()).subList(0, 4), "the spec's order, as Elastic's encoder has it");
        Set<String> differentValues = new TreeSet<>();
        for (Map.Entry<String, Object> field : theirs.entrySet()) {
            if (ours.containsKey(field.getKey())) {
                Object mine = ours.get(field.getKey());
                if (!java.util.Objects.equals(field.getValue(), mine)) {
                    differentValues.add(field.getKey());
                } else if (mine != null) {
                    assertEquals(field.getValue().getClass(), mine.getClass(), field.getKey());
                }
            }
        }
        // docs/records.md lists each of these with its reason.
        assertEquals(Set.of("ecs.version", "error.stack_trace"), differentValues);
        assertEquals("1.2.0", theirs.get("ecs.version"));
        assertEquals(theirs.get("error.stack_trace"), ours.get("error.stack_trace") + "\n",
                "the same trace; theirs ends with a line break");

        Set<String> onlyTheirs = new TreeSet<>(theirs.keySet());
        onlyTheirs.removeAll(ours.keySet());
        assertEquals(Set.of("requestId", "trace_id", "span_id"), onlyTheirs, "theirs: the MDC at the top level");
        Set<String> onlyOurs = new TreeSet<>(ours.keySet());
        onlyOurs.removeAll(theirs.keySet());
        assertEquals(Set.of("process.pid", "event.id", "event.sequence", "labels.requestId", "trace.id", "span.id"),
                onlyOurs);
        assertEquals(theirs.get("requestId"), ours.get("labels.requestId"));
        assertEquals(theirs.get("trace_id"), ours.get("trace.id"));
        assertEquals(theirs.get("span_id"), ours.get("span.id"));
        assertEquals("e1f2a3b4c5d6e7f8", theirs.get("transaction.id"));
        assertEquals(theirs.get("transaction.id"), ours.get("transaction.id"));
    }

    /** A record as a map of dotted paths to values: nested objects and dotted names read the same, as in Elasticsearch. */
    static Map<String, Object> flatten(String json) {
        return Records.parse(json, ".");
    }
}
