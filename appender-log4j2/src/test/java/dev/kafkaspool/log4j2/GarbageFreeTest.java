package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.Layout;
import dev.kafkaspool.testbroker.Allocations;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The appender's append allocates nothing on the logging thread with each built-in layout, and a
 * whole log call through it allocates no more than one through Log4j's Null appender, but for the
 * one small object Log4j's default clock allocates per call in some runs; with Log4j's millisecond
 * clock a whole log call allocates nothing. Counted with the JVM's per-thread allocation counter,
 * not timed, once warmed up. Runs with Log4j's garbage-free settings (see the surefire
 * configuration, which runs the millisecond clock's case in a JVM of its own). The thread context
 * holds the OpenTelemetry agent's trace keys, so the OTLP layouts lift them into their trace
 * fields on the measured path.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GarbageFreeTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;
    /** One small object per call that Log4j's default clock allocates in some runs and not in others. */
    private static final double LOG4J_VARIANCE = 25.0;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    void aLogCallAllocatesNoMoreThanWithLog4jsNullAppender(Layout layout) {
        double baseline = bytesPerCall(new Log4jTestContext("null-appender.xml"), null);
        double withAppender = bytesPerCall(new Log4jTestContext("kafka-spool-garbage-free.xml")
                .with("spoolDir", dir.resolve("spool").toString())
                .with("layout", layout.configName()), layout);
        // Log4j's default clock (SystemClock) makes a java.time.Instant per call, which the JIT
        // compiler removes in some runs and not in others (24 bytes; seen with the Null appender
        // too), so a whole log call is allowed that much over the baseline of its run. What the
        // appender itself allocates is measured exactly by theAppendersAppendAllocatesNothing.
        assertTrue(withAppender - baseline < LOG4J_VARIANCE, layout + ": bytes per log call: " + withAppender
                + " with the appender, " + baseline + " with the Null appender");
    }

    /** With Log4j's millisecond clock ({@code log4j2.clock=SystemMillisClock}), a whole log call allocates nothing. */
    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    @EnabledIfSystemProperty(named = "log4j2.clock", matches = "SystemMillisClock")
    void aLogCallAllocatesNothingWithLog4jsMillisecondClock(Layout layout) {
        try (Log4jTestContext log4j = new Log4jTestContext("kafka-spool-garbage-free.xml")
                .with("spoolDir", dir.resolve("spool").toString()).with("layout", layout.configName()).start()) {
            Logger logger = log4j.logger("com.example.OrderService");
            String orderId = "order-42";
            withTraceContext(() -> Allocations.assertAllocatesNothing(layout + ", a whole log call", WARM_UP, MEASURED,
                    i -> logger.info("order {} paid", orderId)));
        }
    }

    /**
     * The appender's {@code append}, called with Log4j's reusable event as Log4j's garbage-free
     * path hands it over, allocates nothing on the logging thread: reading the event, encoding it
     * and handing it off.
     */
    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    void theAppendersAppendAllocatesNothing(Layout layout) {
        appendAllocatesNothing(layout, "memory");
    }

    /** In disk durability the logging thread also writes the event to the spool, under its cap. */
    @Test
    void theAppendersAppendAllocatesNothingInDiskDurability() {
        appendAllocatesNothing(Layout.ECS, "disk");
    }

    private void appendAllocatesNothing(Layout layout, String durability) {
        try (Log4jTestContext log4j = new Log4jTestContext("kafka-spool-garbage-free.xml")
                .with("spoolDir", dir.resolve("spool").toString()).with("layout", layout.configName())
                .with("durability", durability).start()) {
            KafkaSpoolAppender appender = log4j.appender("kafka");
            MutableLogEvent event = new MutableLogEvent();
            event.setLoggerName("com.example.OrderService");
            event.setLevel(Level.INFO);
            event.setMessage(new ReusableParameterizedMessage().set("order {} paid", "order-42"));
            event.setThreadName(Thread.currentThread().getName());
            SortedArrayStringMap context = new SortedArrayStringMap();
            context.putValue("requestId", "r-1");
            context.putValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            context.putValue("span_id", "00f067aa0ba902b7");
            context.putValue("trace_flags", "01");
            event.setContextData(context);
            Allocations.assertAllocatesNothing(layout + ", " + durability + " durability, the appender's append",
                    WARM_UP, MEASURED, i -> {
                        event.setTimeMillis(1_700_000_000_000L + i);
                        appender.append(event);
                    });
        }
    }

    /** Bytes the logging thread allocates per log call; {@code layout}, when given, is checked to be the appender's. */
    private static double bytesPerCall(Log4jTestContext context, Layout layout) {
        try (Log4jTestContext log4j = context.start()) {
            if (layout != null) {
                assertEquals(layout, log4j.appender("kafka").manager().pipeline().config().get(EncodingSettings.LAYOUT));
            }
            Logger logger = log4j.logger("com.example.OrderService");
            String orderId = "order-42";
            double[] perCall = new double[1];
            withTraceContext(() -> {
                for (int i = 0; i < WARM_UP; i++) {
                    logger.info("order {} paid", orderId);
                }
                perCall[0] = Allocations.bytesPerCall(0, MEASURED, i -> logger.info("order {} paid", orderId));
            });
            return perCall[0];
        }
    }

    /** Runs {@code body} with a request id and the OpenTelemetry agent's trace keys in the thread context. */
    private static void withTraceContext(Runnable body) {
        ThreadContext.put("requestId", "r-1");
        ThreadContext.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        ThreadContext.put("span_id", "00f067aa0ba902b7");
        ThreadContext.put("trace_flags", "01");
        try {
            body.run();
        } finally {
            ThreadContext.clearMap();
        }
    }
}
