package dev.kafkaspool.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * With the broker down from the start (a closed local port), in a fresh JVM: how long Logback
 * takes to start each compared appender from its configuration file ({@code startUp}), and how
 * long the first {@code Logger.info} after that start takes ({@code firstCall}). SingleShotTime,
 * one call per fork, so class loading and a cold JIT are part of it, as in an application's
 * start. Same appenders and configurations as {@link LogbackAppenderBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class LogbackFirstCallBenchmark {

    @Param({"file", "kafka-spool-memory", "kafka-spool-disk", "logback-kafka-appender"})
    public String appender;

    private final String orderId = "order-42";
    private Path dir;
    private Kafka broker;
    private LoggerContext context;

    @Setup(Level.Trial)
    public void brokerDown() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        broker = Kafka.start("down", dir.resolve("broker"));
    }

    /** For {@code firstCall}, starts the appender before the timed call; {@code startUp} times the start. */
    @Setup(Level.Iteration)
    public void startBeforeFirstCall(BenchmarkParams params) {
        if (params.getBenchmark().endsWith("firstCall")) {
            context = LogbackContexts.start(appender, broker.bootstrapServers(), dir);
        }
    }

    @TearDown(Level.Iteration)
    public void stopAppender() {
        LogbackContexts.stop(context);
        context = null;
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        broker.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    public LoggerContext startUp() {
        context = LogbackContexts.start(appender, broker.bootstrapServers(), dir);
        return context;
    }

    @Benchmark
    public void firstCall() {
        context.getLogger("com.example.orders.OrderService").info("order {} paid", orderId);
    }
}
