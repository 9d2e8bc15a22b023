package dev.kafkaspool.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;
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
 * With the broker down from the start (a closed local port), in a fresh JVM: how long Log4j
 * takes to start each compared appender from its configuration file ({@code startUp}), and how
 * long the first {@code Logger.info} after that start takes ({@code firstCall}). SingleShotTime,
 * one call per fork, so class loading and a cold JIT are part of it, as in an application's
 * start. Same appenders and configurations as {@link Log4jAppenderBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, Log4jGarbageFreeFlags.NOT_A_WEBAPP,
        Log4jGarbageFreeFlags.THREADLOCALS, Log4jGarbageFreeFlags.DIRECT_ENCODERS,
        Log4jGarbageFreeFlags.GARBAGE_FREE_THREAD_CONTEXT})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class Log4jFirstCallBenchmark {

    @Param({"file", "random-access-file", "kafka-spool-memory", "kafka-spool-disk", "kafka-sync", "kafka-async"})
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
            context = Log4jContexts.start(appender, broker.bootstrapServers(), dir);
        }
    }

    @TearDown(Level.Iteration)
    public void stopAppender() {
        Log4jContexts.stop(context);
        context = null;
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        broker.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    public LoggerContext startUp() {
        context = Log4jContexts.start(appender, broker.bootstrapServers(), dir);
        return context;
    }

    @Benchmark
    public void firstCall() {
        context.getLogger("com.example.orders.OrderService").info("order {} paid", orderId);
    }
}
