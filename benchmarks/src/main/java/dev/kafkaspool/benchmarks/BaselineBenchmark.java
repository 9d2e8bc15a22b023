package dev.kafkaspool.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control for the latency benchmarks: what a logging thread does per event besides
 * {@code submit} (take a sequence number from a shared counter, read the clock), with no engine
 * at all, measured the same way (SampleTime). Its tail is the machine's and the harness's own:
 * timer resolution, scheduling delays, other processes, safepoints. A submit percentile close to
 * the baseline's says nothing about the engine.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {
    private final AtomicLong sequence = new AtomicLong();

    @Benchmark
    @Threads(1)
    public long noEngine1Thread() {
        return sequence.incrementAndGet() + System.currentTimeMillis();
    }

    @Benchmark
    @Threads(2)
    public long noEngine2Threads() {
        return sequence.incrementAndGet() + System.currentTimeMillis();
    }
}
