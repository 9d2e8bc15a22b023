package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An engine for one benchmark trial, in a spool directory of its own, told the benchmark topic as
 * an appender tells the engine its topics. The spool cap, 8 GiB, is
 * more than a trial of the length docs/benchmarks.md uses writes; with dropOldest, a longer trial
 * keeps measuring (its drops are printed, reason spoolFull). Prints what the engine did in each
 * iteration, so a result can be read together with what became of the events: shipped, spooled
 * or dropped.
 */
final class BenchmarkEngine implements AutoCloseable {
    static final long MAX_BYTES = 8L << 30;
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String label;
    private final SpoolEngine engine;
    private EngineStats last;

    private BenchmarkEngine(String label, SpoolEngine engine) {
        this.label = label;
        this.engine = engine;
        this.last = engine.stats();
    }

    /** Starts an engine on {@code spoolDir} (created by the engine) and checks it got its disk spool. */
    static BenchmarkEngine start(String label, String bootstrapServers, Path spoolDir, Durability durability) {
        return start(label, config(bootstrapServers, spoolDir, durability));
    }

    static BenchmarkEngine start(String label, SpoolConfig config) {
        JvmFlags.check();
        SpoolEngine engine = SpoolEngine.builder(config).topic(Kafka.TOPIC).status(status(label)).start();
        if (!engine.stats().diskSpool()) {
            engine.stop(STOP_TIMEOUT);
            throw new IllegalStateException(label + ": the engine fell back to a memory spool (see its status "
                    + "messages above); the benchmark would not measure the disk spool");
        }
        return new BenchmarkEngine(label, engine);
    }

    static SpoolConfig config(String bootstrapServers, Path spoolDir, Durability durability) {
        return SpoolConfig.builder()
                .set(EngineSettings.NAME, "bench")
                .set(EngineSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                .set(EngineSettings.SPOOL_DIR, spoolDir)
                .set(EngineSettings.DURABILITY, durability)
                .set(EngineSettings.MAX_BYTES, MAX_BYTES)
                .set(EngineSettings.FULL_POLICY, FullPolicy.DROP_OLDEST)
                .build();
    }

    /**
     * Submits one event and waits until the engine ships straight to Kafka: it spools what comes
     * before the producer has the topic's metadata, and a benchmark with Kafka up should start
     * from the steady state, not from that first drain.
     */
    void awaitShipping() {
        LogEvent event = new LogEvent();
        event.setUp();
        event.submit(engine);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (engine.state() != EngineState.SHIPPING) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(label + ": the engine is not shipping after 60 s: " + engine.stats());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        last = engine.stats();
    }

    /**
     * Waits until the engine has drained at least {@code events} spooled events (Kafka acknowledged
     * them), checking every millisecond, and returns its stats then.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    EngineStats awaitDrained(long events, Duration timeout) {
        long start = System.nanoTime();
        while (true) {
            EngineStats stats = engine.stats();
            if (stats.drained() >= events) {
                return stats;
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException(label + ": not drained within " + timeout + ": " + stats);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    SpoolEngine engine() {
        return engine;
    }

    /** Prints what happened since the last call: accepted, shipped, spooled, dropped by reason. */
    void printIteration() {
        EngineStats now = engine.stats();
        System.out.println("  [" + label + "] this iteration: " + delta(last, now) + ", state " + now.state()
                + ", spool " + now.spoolEvents() + " records");
        last = now;
    }

    /** Stops the engine (what Kafka has not taken stays in the spool) and prints its totals. */
    @Override
    public void close() {
        EngineStats before = engine.stats();
        boolean stopped = engine.stop(STOP_TIMEOUT);
        System.out.println("  [" + label + "] trial totals before stop: " + before
                + (stopped ? "" : " (stop did not finish in " + STOP_TIMEOUT.toSeconds() + " s)"));
    }

    private static String delta(EngineStats a, EngineStats b) {
        StringBuilder sb = new StringBuilder()
                .append("accepted +").append(b.accepted() - a.accepted())
                .append(", shipped +").append(b.shipped() - a.shipped())
                .append(", spooled +").append(b.spooled() - a.spooled())
                .append(", drained +").append(b.drained() - a.drained());
        for (Map.Entry<DropReason, Long> e : b.droppedByReason().entrySet()) {
            long d = e.getValue() - a.dropped(e.getKey());
            if (d != 0) {
                sb.append(", dropped ").append(e.getKey()).append(" +").append(d);
            }
        }
        return sb.toString();
    }

    /** Status messages go to standard output with the trial's label; they are rare by design. */
    private static StatusListener status(String label) {
        return new StatusListener() {
            @Override
            public void info(String message) {
                System.out.println("  [" + label + "] engine: " + message);
            }

            @Override
            public void warn(String message, Throwable cause) {
                System.out.println("  [" + label + "] engine WARN: " + message + (cause == null ? "" : ": " + cause));
            }

            @Override
            public void error(String message, Throwable cause) {
                System.out.println("  [" + label + "] engine ERROR: " + message + (cause == null ? "" : ": " + cause));
            }
        };
    }
}
