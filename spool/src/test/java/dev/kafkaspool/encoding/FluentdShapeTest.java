package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The {@code fluentd} layout's shape where the event lacks a part. */
class FluentdShapeTest {

    @Test
    void aMissingThreadOrLoggerIsJsonNullNotText() {
        TestEvent e = new TestEvent();
        e.thread = null;
        e.logger = null;
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.FLUENTD), e));
        assertTrue(r.containsKey("thread"), r::toString);
        assertNull(r.get("thread"));
        assertTrue(r.containsKey("logger"), r::toString);
        assertNull(r.get("logger"));
        String log = (String) r.get("log");
        assertFalse(log.contains("null"), log);
        assertTrue(log.endsWith("Z INFO - order 42 accepted"), log);
    }

    @Test
    void aFullLineHasThreadAndLogger() {
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.FLUENTD), new TestEvent()));
        assertTrue(((String) r.get("log")).endsWith(
                "Z INFO [http-nio-8080-exec-1] com.example.OrderService - order 42 accepted"), r::toString);
        assertEquals("http-nio-8080-exec-1", r.get("thread"));
    }
}
