package dev.kafkaspool.log4j2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log call through the appender with the built-in layout allocates no more on the logging thread
 * than one through Log4j's Null appender (Log4j itself allocates a little per call, e.g. for the
 * clock's reading), once warmed up. Counted with the JVM's per-thread allocation counter, not
 * timed. Runs with Log4j's garbage-free settings (see the surefire configuration).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GarbageFreeTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @TempDir
    Path dir;

    @Test
    void aLogCallAllocatesNoMoreThanWithLog4jsNullAppender() {
        double baseline = bytesPerCall(new Log4jTestContext("null-appender.xml"));
        double withAppender = bytesPerCall(new Log4jTestContext("kafka-spool-garbage-free.xml")
                .with("spoolDir", dir.resolve("spool").toString()));
        // Less than a byte per call: a one-off (a thread's first buffer, a status message) spread
        // over the measured calls, not an allocation per event.
        assertTrue(withAppender - baseline < 1.0,
                "bytes per log call: " + withAppender + " with the appender, " + baseline + " with the Null appender");
    }

    private static double bytesPerCall(Log4jTestContext context) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        try (Log4jTestContext log4j = context.start()) {
            Logger logger = log4j.logger("com.example.OrderService");
            String orderId = "order-42";
            ThreadContext.put("requestId", "r-1");
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
