package dev.kafkaspool.samples.deploy;

import dev.kafkaspool.engine.EngineStats;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import dev.kafkaspool.logback.KafkaSpoolAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four threads each log {@code count} events of 1 MiB, then the logging framework is stopped and
 * the appender's counters are printed as {@code accepted shipped dropped pending}. A log call that
 * throws ends the application with exit value 3.
 */
public final class LargeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LargeEvents.class);
    private static final int THREADS = 4;

    private LargeEvents() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        String message = "x".repeat(1 << 20);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    try {
                        LOG.info(message);
                    } catch (Throwable e) { // NOPMD: what the test looks for
                        thrown.add(e);
                        return;
                    }
                }
            }, "large-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        KafkaSpoolAppender appender = (KafkaSpoolAppender) context.getLogger(LargeEvents.class)
                .getAppender("KAFKA");
        context.stop();
        EngineStats stats = appender.stats();
        System.out.println("counters " + stats.accepted() + " " + stats.shipped() + " " + stats.droppedTotal() + " "
                + stats.spoolEvents());
        System.out.println("logged " + count);
        if (!thrown.isEmpty()) {
            thrown.get(0).printStackTrace();
            System.exit(3);
        }
    }
}
