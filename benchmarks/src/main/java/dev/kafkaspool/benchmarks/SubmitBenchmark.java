package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.SpoolEngine;
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
 * The logging thread's cost of {@code SpoolEngine.submit} for a 300-byte event, back to back (as
 * fast as the thread can log): per call (SampleTime: p50 to max) and in total (Throughput), with
 * one and two logging threads, in each durability, with Kafka down (a closed local port) or up
 * (a real broker in a child JVM; the trial starts once the engine ships straight to it).
 *
 * <p>Back to back, in memory durability, the logging threads offer more than the shipper thread
 * takes away (to Kafka, or to the spool when Kafka is down) and the in-memory queue fills; a
 * submit then waits for room (up to blockTimeout, 1 s, before it drops the event as queueFull).
 * In disk durability each submit appends to the spool itself, and the shipper reads from it at
 * the same time. These numbers are the engine under overload; {@link PacedSubmitBenchmark}
 * measures the queue at a rate it keeps up with. Each iteration prints what the engine did
 * with the events (shipped, spooled, dropped by reason) and what the logging threads allocated.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SubmitBenchmark {

    @Param({"memory", "disk"})
    public String durability;

    @Param({"down", "up"})
    public String kafka;

    private Path dir;
    private Kafka broker;
    private BenchmarkEngine engine;

    @Setup(Level.Trial)
    public void start() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        try {
            broker = Kafka.start(kafka, dir.resolve("broker"));
            engine = BenchmarkEngine.start(durability + "/kafka " + kafka, broker.bootstrapServers(),
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

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(1)
    public boolean latency1Thread(LogEvent event) {
        return event.submit(engine.engine());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(2)
    public boolean latency2Threads(LogEvent event) {
        return event.submit(engine.engine());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public boolean throughput1Thread(LogEvent event) {
        return event.submit(engine.engine());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public boolean throughput2Threads(LogEvent event) {
        return event.submit(engine.engine());
    }
}
