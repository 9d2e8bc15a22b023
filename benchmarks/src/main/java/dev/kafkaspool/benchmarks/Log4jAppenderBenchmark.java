package dev.kafkaspool.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The logging thread's cost of one {@code Logger.info("order {} paid", orderId)} through Log4j 2,
 * back to back, with each Log4j appender compared: Log4j's {@code File} and
 * {@code RandomAccessFile} appenders (the baselines), this project's {@code KafkaSpool} appender
 * in memory and disk durability, and Log4j's own {@code Kafka} appender with {@code syncSend}
 * true (its default) and false; each configured from {@code appenders/log4j2/<appender>.xml}.
 * Every fork runs with Log4j's garbage-free settings ({@link Log4jGarbageFreeFlags}). Per call in
 * SampleTime mode (one and two logging threads), accepted calls per second in Throughput mode;
 * with the broker down (a closed local port) or up (a real broker in a child JVM). Each iteration
 * prints what the logging threads themselves allocated per call.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, Log4jGarbageFreeFlags.NOT_A_WEBAPP,
        Log4jGarbageFreeFlags.THREADLOCALS, Log4jGarbageFreeFlags.DIRECT_ENCODERS,
        Log4jGarbageFreeFlags.GARBAGE_FREE_THREAD_CONTEXT})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class Log4jAppenderBenchmark {

    @Param({"file", "random-access-file", "kafka-spool-memory", "kafka-spool-disk", "kafka-sync", "kafka-async"})
    public String appender;

    @Param({"down", "up"})
    public String kafka;

    private final String orderId = "order-42";
    private Path dir;
    private Kafka broker;
    private LoggerContext context;
    private Logger logger;

    @Setup(Level.Trial)
    public void start() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        try {
            broker = Kafka.start(kafka, dir.resolve("broker"));
            context = Log4jContexts.start(appender, broker.bootstrapServers(), dir);
            logger = context.getLogger("com.example.orders.OrderService");
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            Log4jContexts.stop(context);
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
    public void latency1Thread(LoggingThreadAllocation allocation) {
        allocation.count();
        logger.info("order {} paid", orderId);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Threads(2)
    public void latency2Threads(LoggingThreadAllocation allocation) {
        allocation.count();
        logger.info("order {} paid", orderId);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public void throughput1Thread(LoggingThreadAllocation allocation) {
        allocation.count();
        logger.info("order {} paid", orderId);
    }
}
