package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.Layout;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A log call through the appender with each built-in layout allocates no more on the logging thread
 * than one through Log4j's Null appender (Log4j itself allocates a little per call, e.g. for the
 * clock's reading), once warmed up. Counted with the JVM's per-thread allocation counter, not
 * timed. Runs with Log4j's garbage-free settings (see the surefire configuration). The thread
 * context holds the OpenTelemetry agent's trace keys, so the OTLP layouts lift them into their
 * trace fields on the measured path.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GarbageFreeTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ECS", "OTLP_JSON", "OTLP_PROTO", "FLUENTD"})
    void aLogCallAllocatesNoMoreThanWithLog4jsNullAppender(Layout layout) {
        double baseline = bytesPerCall(new Log4jTestContext("null-appender.xml"), null);
        double withAppender = bytesPerCall(new Log4jTestContext("kafka-spool-garbage-free.xml")
                .with("spoolDir", dir.resolve("spool").toString())
                .with("layout", layout.configName()), layout);
        // Less than a byte per call: a one-off (a thread's first buffer, a status message) spread
        // over the measured calls, not an allocation per event.
        assertTrue(withAppender - baseline < 1.0, layout + ": bytes per log call: " + withAppender
                + " with the appender, " + baseline + " with the Null appender");
    }

    /** Bytes the logging thread allocates per log call; {@code layout}, when given, is checked to be the appender's. */
    private static double bytesPerCall(Log4jTestContext context, Layout layout) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        try (Log4jTestContext log4j = context.start()) {
            if (layout != null) {
                assertEquals(layout, log4j.appender("kafka").manager().pipeline().config().get(EncodingSettings.LAYOUT));
            }
            Logger logger = log4j.logger("com.example.OrderService");
            String orderId = "order-42";
            ThreadContext.put("requestId", "r-1");
            ThreadContext.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
            ThreadContext.put("span_id", "00f067aa0ba902b7");
            ThreadContext.put("trace_flags", "01");
            try {
                for (int i = 0; i < WARM_UP; i++) {
                    logger.info("order {} paid", orderId);
                }
                long id = Thread.currentThread().getId();
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < MEASURED; i++) {
                    logger.info("order {} paid", orderId);
                }
                return (threads.getThreadAllocatedBytes(id) - before) / (double) MEASURED;
            } finally {
                ThreadContext.clearMap();
            }
        }
    }
}
