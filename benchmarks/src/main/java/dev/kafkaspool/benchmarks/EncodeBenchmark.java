package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.EventEncoder;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.pod.PodMetadata;
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
 * What encoding one event into its record costs the logging thread: time, and bytes allocated
 * per event (run with {@code -prof gc}: only the benchmark thread works here, so
 * {@code gc.alloc.rate.norm} is the encoder's; each iteration also prints the thread's own count),
 * and the CPU time per event ({@link EncodeCpuTime}). {@link LayoutCostReport} runs it and compares
 * the layouts with {@code ecs}.
 * No engine, no Kafka: the encoder alone, with pod metadata (labels, annotations, extra fields)
 * as a pod would have it.
 */
@State(Scope.Thread)
@Fork(value = 1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodeBenchmark {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Param({"ecs", "otlp_json", "otlp_proto", "fluentd"})
    public String layout;

    @Param({"false", "true"})
    public boolean exception;

    /**
     * Plain text added to the message, in characters: 0 for the typical event's 40-character
     * message; 260 for the end-to-end burst's 300 ({@code -p messageFiller=260}).
     */
    @Param({"0"})
    public int messageFiller;

    private final EventEncoder encoder = new EventEncoder();
    private RecordFormat format;
    private BenchmarkEvent event;
    private long sequence;
    private long encodes;
    private long allocatedAtStart;

    @Setup
    public void setUp() {
        SpoolConfig config = SpoolConfig.builder()
                .set(EngineSettings.BOOTSTRAP_SERVERS, "unused:9092")
                .set(EncodingSettings.LAYOUT, EncodingSettings.LAYOUT.parse(layout))
                .set(EncodingSettings.SERVICE_NAME, "orders")
                .set(EncodingSettings.SERVICE_VERSION, "1.4.2")
                .build();
        PodMetadata pod = PodMetadata.builder().podName("orders-7d9f8-x2x4q").namespace("payments")
                .nodeName("node-3").containerName("app").podUid("0f5c6a9e-1b2c-4d3e-8f90-123456789abc")
                .podIp("10.1.2.3").labels(java.util.Map.of("app", "orders", "pod-template-hash", "7d9f8"))
                .annotations(java.util.Map.of("team", "payments"))
                .extraFields(java.util.Map.of("cluster", "eu-1"))
                .build();
        format = RecordFormat.create(config, pod);
        event = new BenchmarkEvent(exception, messageFiller);
    }

    @Setup(Level.Iteration)
    public void markAllocation() {
        encodes = 0;
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Prints the bytes this thread allocated per encoded event in the iteration. */
    @TearDown(Level.Iteration)
    public void printAllocation() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
        System.out.printf("  encoding thread allocated %,d bytes in %,d events: %.3f B/event%n",
                bytes, encodes, encodes == 0 ? 0.0 : (double) bytes / encodes);
    }

    /** Encodes the next event; returns the record's length. */
    @Benchmark
    public int encode(EncodeCpuTime cpu) {
        encodes++;
        EncodedEvent e = encoder.encode(format, event, 0x0123456789abcdefL, ++sequence);
        return cpu.count(e.valueLength());
    }
}
