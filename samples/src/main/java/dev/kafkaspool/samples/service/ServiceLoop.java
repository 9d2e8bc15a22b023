package dev.kafkaspool.samples.service;

import dev.kafkaspool.engine.EngineStats;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The main loop of a sample service: logs events at a steady rate, times every log call, reports
 * its progress on standard output twice a second, and stops when its standard input ends (the
 * demo closes it, or the demo's process is gone). Then it stops the logging framework and
 * reports the appender's counters as the last line.
 *
 * <p>The calls of the first second are timed apart: they load the framework's and the encoder's
 * classes and run before the JIT compiler has seen the code, so they say little about a running
 * service.
 */
public final class ServiceLoop {

    private static final long REPORT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SLOW_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SampleService service;
    private final long periodNanos;
    private volatile boolean stopRequested;
    private long sent;
    private long warmUpWorstCallNanos;
    private long worstCallNanos;
    private long recentWorstCallNanos;
    private long callsOver1ms;

    private ServiceLoop(SampleService service, int eventsPerSecond) {
        this.service = service;
        this.periodNanos = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
    }

    /**
     * Runs the service until its standard input ends, then stops it and reports its counters.
     *
     * @param eventsPerSecond how many events to log each second
     */
    public static void run(SampleService service, int eventsPerSecond) {
        new ServiceLoop(service, eventsPerSecond).run();
    }

    private void run() {
        watchStandardInput();
        long start = System.nanoTime();
        long warmUpEnds = start + WARM_UP_NANOS;
        long nextReport = start + REPORT_INTERVAL_NANOS;
        while (!stopRequested) {
            long sequence = sent + 1;
            long due = start + sent * periodNanos;
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
                continue;
            }
            long before = System.nanoTime();
            service.logEvent(sequence, EventKind.of(sequence));
            long took = System.nanoTime() - before;
            sent = sequence;
            if (before < warmUpEnds) {
                warmUpWorstCallNanos = Math.max(warmUpWorstCallNanos, took);
            } else {
                worstCallNanos = Math.max(worstCallNanos, took);
                callsOver1ms += took > SLOW_CALL_NANOS ? 1 : 0;
                recentWorstCallNanos = Math.max(recentWorstCallNanos, took);
            }
            if (before >= nextReport) {
                reportProgress();
                nextReport = before + REPORT_INTERVAL_NANOS;
            }
        }
        reportProgress();
        EngineStats stats = service.stopLogging();
        reportStats(stats);
    }

    private void reportProgress() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sent", Long.toString(sent));
        values.put("worstCallNanos", Long.toString(worstCallNanos));
        values.put("recentWorstCallNanos", Long.toString(recentWorstCallNanos));
        values.put("warmUpWorstCallNanos", Long.toString(warmUpWorstCallNanos));
        values.put("callsOver1ms", Long.toString(callsOver1ms));
        EngineStats stats = service.stats();
        if (stats != null) {
            values.put("inSpool", Long.toString(stats.spoolEvents()));
            values.put("shipped", Long.toString(stats.shipped()));
            values.put("state", String.valueOf(stats.state()));
        }
        recentWorstCallNanos = 0;
        print(ServiceReport.of(ServiceReport.PROGRESS, values));
    }

    private void reportStats(EngineStats stats) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sent", Long.toString(sent));
        values.put("worstCallNanos", Long.toString(worstCallNanos));
        values.put("warmUpWorstCallNanos", Long.toString(warmUpWorstCallNanos));
        values.put("callsOver1ms", Long.toString(callsOver1ms));
        if (stats != null) {
            values.put("accepted", Long.toString(stats.accepted()));
            values.put("shipped", Long.toString(stats.shipped()));
            values.put("spooled", Long.toString(stats.spooled()));
            values.put("drained", Long.toString(stats.drained()));
            values.put("dropped", Long.toString(stats.droppedTotal()));
            values.put("stillInSpool", Long.toString(stats.spoolEvents()));
            values.put("state", String.valueOf(stats.state()));
        }
        print(ServiceReport.of(ServiceReport.STATS, values));
    }

    private static void print(ServiceReport report) {
        System.out.println(report.toLine());
        System.out.flush();
    }

    /** Reads standard input on a thread of its own; its end asks the loop to stop. */
    private void watchStandardInput() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Nothing is sent on it: only its end matters.
                }
            } catch (IOException e) {
                // Treated as the end.
            }
            stopRequested = true;
        }, "stop-when-stdin-ends");
        watcher.setDaemon(true);
        watcher.start();
    }
}
