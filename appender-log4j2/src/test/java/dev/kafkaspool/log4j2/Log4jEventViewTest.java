package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.encoding.FieldVisitor;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

class Log4jEventViewTest {
    private static final FieldVisitor<Map<String, Object>> INTO_MAP = (name, value, map) -> map.put(name, value);
    private static final FieldVisitor<List<String>> NAMES = (name, value, list) -> list.add(name);

    private static Log4jLogEvent.Builder event() {
        MutableInstant instant = new MutableInstant();
        instant.initFromEpochSecond(1_795_250_096L, 123_456_789);
        return Log4jLogEvent.newBuilder().setLoggerName("com.example.OrderService").setLoggerFqcn("x")
                .setLevel(Level.INFO).setInstant(instant).setThreadName("worker-1")
                .setMessage(new SimpleMessage("hello"));
    }

    @Test
    void readsTheEventsFieldsWithNanoseconds() {
        Log4jEventView adapter = new Log4jEventView(false).wrap(event().build());
        assertEquals(1_795_250_096L, adapter.epochSecond());
        assertEquals(123_456_789, adapter.nanoOfSecond());
        assertEquals(LogLevel.INFO, adapter.level());
        assertEquals("com.example.OrderService", adapter.loggerName());
        assertEquals("worker-1", adapter.threadName());
        StringBuilder message = new StringBuilder();
        adapter.formatMessage(message);
        assertEquals("hello", message.toString());
    }

    @Test
    void customLevelsCountAsTheMostSevereStandardLevelTheyReach() {
        assertEquals(LogLevel.INFO, LevelMapping.toLogLevel(Level.forName("NOTICE", 350)));
        assertEquals(LogLevel.WARN, LevelMapping.toLogLevel(Level.forName("ALERT", 250)));
        assertEquals(LogLevel.FATAL, LevelMapping.toLogLevel(Level.OFF));
        assertEquals(LogLevel.TRACE, LevelMapping.toLogLevel(Level.ALL));
        assertEquals(LogLevel.ERROR, LevelMapping.toLogLevel(Level.ERROR));
    }

    @Test
    void markersWithTheirParentsThenTheThreadContextStackAreTags() {
        MutableThreadContextStack stack = new MutableThreadContextStack(new ArrayList<>());
        stack.push("outer");
        stack.push("inner");
        LogEvent e = event().setMarker(MarkerManager.getMarker("ADAPTER_TEST_PAYMENT").setParents(MarkerManager.getMarker("ADAPTER_TEST_AUDIT")))
                .setContextStack(stack).build();
        List<String> tags = new ArrayList<>();
        new Log4jEventView(false).wrap(e).forEachMarker(NAMES, tags);
        assertEquals(List.of("ADAPTER_TEST_PAYMENT", "ADAPTER_TEST_AUDIT", "outer", "inner"), tags);
    }

    @Test
    void contextDataAndStructuredDataFieldsAreVisitedApart() {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "r-1");
        StructuredDataMessage sd = new StructuredDataMessage("order", "order paid", "audit");
        sd.put("orderId", "42");
        Log4jEventView adapter = new Log4jEventView(false).wrap(event().setContextData(context).setMessage(sd).build());

        Map<String, Object> mdc = new LinkedHashMap<>();
        adapter.forEachContextEntry(INTO_MAP, mdc);
        assertEquals(Map.of("requestId", "r-1"), mdc);
        Map<String, Object> fields = new LinkedHashMap<>();
        adapter.forEachKeyValue(INTO_MAP, fields);
        assertEquals(Map.of("orderId", "42"), fields);
    }

    @Test
    void callerDataOnlyWhenTheAppenderAsksForIt() {
        StackTraceElement source = new StackTraceElement("com.example.OrderService", "pay", "OrderService.java", 42);
        LogEvent e = event().setSource(source).setIncludeLocation(true).build();
        assertNull(new Log4jEventView(false).wrap(e).callerData());
        assertSame(source, new Log4jEventView(true).wrap(e).callerData());
    }

    @Test
    void letsGoOfTheEvent() {
        Log4jEventView adapter = new Log4jEventView(false).wrap(event().setThrown(new IllegalStateException()).build());
        assertEquals(IllegalStateException.class, adapter.thrown().getClass());
        adapter.clear();
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, adapter::thrown);
    }
}
