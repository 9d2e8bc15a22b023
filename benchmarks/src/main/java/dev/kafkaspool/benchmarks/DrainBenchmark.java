package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.EngineStats;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a spool left by an earlier run takes to reach Kafka: before each iteration an engine
 * with Kafka down spools {@code events} 300-byte events (disk durability) and stops; the timed
 * operation starts a new engine on that spool with a real broker up and returns once Kafka has
 * acknowledged every one of them. It goes through the public engine API only: the time includes
 * the engine's start (opening the spool, creating the producer, fetching metadata).
 * {@link BareProducerBenchmark} sends the same records with a bare producer, for comparison.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX, JvmFlags.PRE_TOUCH})
@Warmup(iterations = 3)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DrainBenchmark {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    @Param({"500000"})
    public int events;

    private Path dir;
    private Kafka up;
    private Kafka down;
    private Path spool;
    private int round;
    private BenchmarkEngine draining;
    private long drainStart;
    private long drainNanos;
    private long drainCpuNanos;

    @Setup(Level.Trial)
    public void startBroker() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        try {
            up = Kafka.start("up", dir.resolve("broker"));
        } catch (RuntimeException | Error e) {
            stopBroker();
            throw e;
        }
        down = Kafka.start("down", null);
    }

    @Setup(Level.Iteration)
    public void fillSpool() {
        spool = dir.resolve("spool-" + round++);
        SpoolFill.fill(down, spool, events);
    }

    @Benchmark
    public EngineStats drain() {
        drainStart = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        draining = BenchmarkEngine.start("drain", up.bootstrapServers(), spool, Durability.MEMORY);
        EngineStats stats = draining.awaitDrained(events, DRAIN_TIMEOUT);
        drainNanos = System.nanoTime() - drainStart;
        drainCpuNanos = ProcessCpu.nanos() - cpuStart;
        return stats;
    }

    @TearDown(Level.Iteration)
    public void stopDraining() {
        if (draining != null) {
            System.out.printf("  [drain] %,d events in %,d ms: %,.0f events/s, %.2f µs CPU per event, the engine's start"
                    + " included%n", events, TimeUnit.NANOSECONDS.toMillis(drainNanos), events / (drainNanos / 1e9),
                    ProcessCpu.microsPerEvent(drainCpuNanos, events));
            draining.close();
            draining = null;
        }
        TempDirs.delete(spool);
    }

    @TearDown(Level.Trial)
    public void stopBroker() {
        if (up != null) {
            up.close();
        }
        TempDirs.delete(dir);
    }
}
