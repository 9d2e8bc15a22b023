package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.StatusListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.kafkaspool.encoding.TestEvent;
import dev.kafkaspool.pipeline.LogPipeline;

/**
 * Run in a child JVM with a small heap by {@link ManyThreadsTest}: many threads log flat out
 * through a pipeline for a while, then the application waits for the spool to drain, stops, and
 * prints what happened: {@code result key=value ...} lines the test reads. Prints
 * {@code second N} once a second while logging, so the test can time the broker's kill and restart;
 * just before each, it runs a full collection and keeps the largest heap in use after it.
 *
 * <p>Arguments: bootstrap servers, spool directory, topic, threads, seconds.
 */
public final class ManyThreadsApplication {
    private ManyThreadsApplication() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String spoolDir = args[1];
        String topic = args[2];
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);

        LogPipeline pipeline = LogPipeline.builder().status(quietStatus())
                .set("name", "many-threads").set("bootstrapServers", bootstrap).set("spoolDir", spoolDir)
                .set("topic", topic).set("maxBytes", "64MiB").set("podInfoDir", spoolDir + "/no-podinfo")
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        LongAdder calls = new LongAdder();
        LongAdder refused = new LongAdder();
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                CountingEvent event = new CountingEvent(id);
                while (System.nanoTime() - deadline < 0) {
                    event.next();
                    calls.increment();
                    if (!pipeline.append(event)) {
                        refused.increment();
                    }
                }
            }, "logger-" + t);
            loggers.add(thread);
            thread.start();
        }
        long liveHeapPeak = 0;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1000);
            liveHeapPeak = Math.max(liveHeapPeak, liveHeap());
            System.out.println("second " + s);
        }
        boolean allEnded = true;
        for (Thread thread : loggers) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            allEnded &= !thread.isAlive();
        }
        System.out.println("result loggersEnded=" + allEnded);

        long drainDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        EngineStats stats = pipeline.stats();
        while (stats.accepted() != stats.shipped() + stats.droppedTotal() && System.nanoTime() - drainDeadline < 0) {
            Thread.sleep(200);
            stats = pipeline.stats();
        }
        boolean stopped = pipeline.stop(Duration.ofSeconds(10));
        stats = pipeline.stats();
        System.out.println("result calls=" + calls.sum() + " refused=" + refused.sum() + " accepted=" + stats.accepted()
                + " shipped=" + stats.shipped() + " dropped=" + stats.droppedTotal() + " spoolEvents="
                + stats.spoolEvents() + " stopped=" + stopped);
        System.out.println("result droppedByReason=" + stats.droppedByReason().toString().replace(" ", ""));
        System.out.println("result heapPeakBytes=" + heapPeak() + " liveHeapPeakBytes=" + liveHeapPeak
                + " heapMaxBytes=" + Runtime.getRuntime().maxMemory());

        Thread.sleep(1000);
        List<String> leftover = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && (t.getName().startsWith("kafka-spool-") || t.getName().startsWith("kafka-producer"))) {
                leftover.add(t.getName());
            }
        }
        System.out.println("result leftoverThreads=" + leftover.size() + " " + leftover.toString().replace(" ", ""));
        System.out.flush();
        System.exit(0);
    }

    /** The heap in use right after a full collection: what the application and the engine hold. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static StatusListener quietStatus() {
        return new StatusListener() {
            @Override
            public void info(String message) {
                System.err.println("INFO " + message);
            }

            @Override
            public void warn(String message, Throwable cause) {
                System.err.println("WARN " + message);
            }

            @Override
            public void error(String message, Throwable cause) {
                System.err.println("ERROR " + message);
            }
        };
    }

    /** One thread's reused event, numbered, at the time it is encoded. */
    private static final class CountingEvent extends TestEvent {
        private final String thread;
        private long n;

        CountingEvent(int id) {
            this.thread = "logger-" + id;
            thread(thread).logger("com.example.Stress");
        }

        void next() {
            n++;
        }

        @Override
        public long epochSecond() {
            return System.currentTimeMillis() / 1000;
        }

        @Override
        public int nanoOfSecond() {
            return 0;
        }

        @Override
        public void formatMessage(StringBuilder into) {
            into.append("event ").append(n).append(" of ").append(thread);
        }
    }
}
