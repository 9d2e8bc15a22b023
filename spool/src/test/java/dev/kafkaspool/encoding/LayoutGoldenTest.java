package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each layout against a golden record: every field of a full event (MDC, key-values, markers, an
 * exception with a cause, caller data) with the pod, service and extra fields. The golden files in
 * {@code src/test/resources/golden} are what docs/records.md shows.
 */
class LayoutGoldenTest {
    private static final String PID_FIELD = "\"process.pid\":";

    static TestEvent fullEvent() {
        TestEvent e = new TestEvent();
        e.level = LogLevel.ERROR;
        e.message = "payment \"declined\"\nfor order 42";
        e.mdc("requestId", "r-1").mdc("user", "u-9");
        e.kv("orderId", 42).kv("amount", 12.5).kv("retry", true);
        e.markers.add("AUDIT");
        IllegalStateException cause = new IllegalStateException("card expired");
        cause.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Card", "check", "Card.java", 17),
            new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 40)});
        RuntimeException top = new RuntimeException("payment failed", cause);
        top.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 42),
            new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 40)});
        e.thrown = top;
        e.caller = new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 42);
        return e;
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "FLUENTD"}) // otlp_proto: OtlpLayoutTest
    void aFullEventMatchesTheGoldenRecord(Layout layout) throws IOException {
        String record = Records.encode(Records.format(layout), fullEvent())
                .replace(PID_FIELD + ProcessHandle.current().pid() + ",", PID_FIELD + "1,"); // the golden pid is 1
        if (layout == Layout.OTLP_JSON) {
            byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
            Otlp.onlyRecord(Otlp.parse(layout, bytes, bytes.length)); // strict: protobuf's own JSON parser
        } else {
            Records.parse(record);
        }
        assertEquals(golden(layout), record);
    }

    private static String golden(Layout layout) throws IOException {
        try (InputStream in = LayoutGoldenTest.class.getResourceAsStream("/golden/" + layout.configName() + ".json")) {
            if (in == null) {
                return "(no golden file for " + layout.configName() + ")";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
