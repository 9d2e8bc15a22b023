package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The submit latency a logging thread sees at a steady rate the engine keeps up with: each
 * thread submits one 300-byte event every {@code 1/ratePerThread} seconds, and only the submit
 * call is timed (SampleTime; the wait for the next slot is an invocation-level setup, outside the
 * timing). Unlike {@link SubmitBenchmark}, the queue is not kept full.
 *
 * <p>The wait yields the CPU rather than sleeping (a sleep is far coarser than the interval), so
 * each logging thread keeps a core busy; on a two-core machine the two-thread case leaves the
 * engine's threads little room. A submit that overruns its slot is not followed by a burst: the
 * schedule restarts from then (the delay of events that would have been logged meanwhile is not
 * counted).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PacedSubmitBenchmark {

    @Param({"memory", "disk"})
    public String durability;

    @Param({"down", "up"})
    public String kafka;

    /** Events per second each logging thread submits. */
    @Param({"100000"})
    public int ratePerThread;

    private Path dir;
    private Kafka broker;
    private BenchmarkEngine engine;

    @Setup(Level.Trial)
    public void start() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        try {
            broker = Kafka.start(kafka, dir.resolve("broker"));
            engine = BenchmarkEngine.start(durability + "/kafka " + kafka + "/paced", broker.bootstrapServers(),
                    dir.resolve("spool"), Durability.valueOf(durability.toUpperCase(Locale.ROOT)));
            if (kafka.equals("up")) {
                engine.awaitShipping();
            }
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @TearDown(Level.Iteration)
    public void report() {
        engine.printIteration();
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            TempDirs.delete(dir);
        }
    }

    /** One logging thread's schedule: waits, outside the timing, until its next event is due. */
    @State(Scope.Thread)
    public static class Schedule {
        private long intervalNanos;
        private long next;

        @Setup(Level.Iteration)
        public void reset(PacedSubmitBenchmark benchmark) {
            intervalNanos = TimeUnit.SECONDS.toNanos(1) / benchmark.ratePerThread;
            next = System.nanoTime();
        }

        @Setup(Level.Invocation)
        public void awaitNext() {
            long now = System.nanoTime();
            while (now - next < 0) {
                Thread.yield();
                now = System.nanoTime();
            }
            next += intervalNanos;
            if (next - now < 0) {
                next = now + intervalNanos;
            }
        }
    }

    @Benchmark
    @Threads(1)
    public boolean paced1Thread(Schedule schedule, LogEvent event) {
        return event.submit(engine.engine());
    }

    @Benchmark
    @Threads(2)
    public boolean paced2Threads(Schedule schedule, LogEvent event) {
        return event.submit(engine.engine());
    }
}
