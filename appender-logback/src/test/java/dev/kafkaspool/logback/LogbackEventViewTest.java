package dev.kafkaspool.logback;

import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The view reads Logback's event as it is, without computing what the event does not hold. */
class LogbackEventViewTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger;

    LogbackEventViewTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        logger = context.getLogger("com.example.View");
    }

    private LoggingEvent event(Level level, Throwable t) {
        return new LoggingEvent(Logger.class.getName(), logger, level, "hello {}", t, new Object[] {"there"});
    }

    @Test
    void levelsMapOntoTheEnginesLevels() {
        LogbackEventView view = new LogbackEventView();
        assertEquals(LogLevel.TRACE, view.wrap(event(Level.TRACE, null), false).level());
        assertEquals(LogLevel.DEBUG, view.wrap(event(Level.DEBUG, null), false).level());
        assertEquals(LogLevel.INFO, view.wrap(event(Level.INFO, null), false).level());
        assertEquals(LogLevel.WARN, view.wrap(event(Level.WARN, null), false).level());
        assertEquals(LogLevel.ERROR, view.wrap(event(Level.ERROR, null), false).level());
    }

    @Test
    void theInstantKeepsItsNanoseconds() {
        LoggingEvent e = event(Level.INFO, null);
        e.setInstant(Instant.ofEpochSecond(1_795_250_096L, 123_456_789));
        LogbackEventView view = new LogbackEventView().wrap(e, false);
        assertEquals(1_795_250_096L, view.epochSecond());
        assertEquals(123_456_789, view.nanoOfSecond());
        StringBuilder message = new StringBuilder();
        view.formatMessage(message);
        assertEquals("hello there", message.toString());
    }

    @Test
    void callerDataIsComputedOnlyWhenAskedFor() {
        // Caller data is the first frame outside the named class: here, this test method.
        LoggingEvent e = new LoggingEvent(LogbackEventView.class.getName(), logger, Level.INFO, "hello", null, null);
        assertNull(new LogbackEventView().wrap(e, false).callerData());
        assertFalse(e.hasCallerData(), "reading the view did not compute it");
        StackTraceElement caller = new LogbackEventView().wrap(e, true).callerData();
        assertNotNull(caller);
        assertEquals("callerDataIsComputedOnlyWhenAskedFor", caller.getMethodName());
        assertTrue(e.hasCallerData());
        assertNotNull(new LogbackEventView().wrap(e, false).callerData(), "once there, it is written");
    }

    @Test
    void markersAreVisitedWithTheirReferencesAndACycleEnds() {
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        Marker pii = MarkerFactory.getDetachedMarker("PII");
        audit.add(pii);
        pii.add(audit);
        LoggingEvent e = event(Level.INFO, null);
        e.addMarker(audit);
        List<String> names = new ArrayList<>();
        new LogbackEventView().wrap(e, false).forEachMarker((name, value, state) -> state.add(name), names);
        assertEquals("AUDIT", names.get(0));
        assertEquals("PII", names.get(1));
        assertTrue(names.size() < 20, names.toString());
    }

    @Test
    void theOriginalExceptionIsHandedOnAsItIs() {
        RuntimeException failure = new RuntimeException("boom");
        assertSame(failure, new LogbackEventView().wrap(event(Level.ERROR, failure), false).thrown());
        assertNull(new LogbackEventView().wrap(event(Level.ERROR, null), false).thrown());
    }

    @Test
    void keyValuesAndMdcAreVisitedWithTheirValues() {
        context.getMDCAdapter().put("requestId", "r-1");
        LoggingEvent e = event(Level.INFO, null);
        e.addKeyValuePair(new org.slf4j.event.KeyValuePair("orderId", 42));
        List<String> entries = new ArrayList<>();
        LogbackEventView view = new LogbackEventView().wrap(e, false);
        view.forEachKeyValue((name, value, state) -> state.add(name + "=" + value), entries);
        view.forEachContextEntry((name, value, state) -> state.add(name + "=" + value), entries);
        context.getMDCAdapter().clear();
        assertEquals(List.of("orderId=42", "requestId=r-1"), entries);
    }
}
