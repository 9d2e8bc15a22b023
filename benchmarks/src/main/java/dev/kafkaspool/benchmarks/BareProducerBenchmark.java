package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.ProducerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
 * The reference for {@link DrainBenchmark}: a bare {@code KafkaProducer<byte[], byte[]>} loop that
 * sends the records a spool drain sends, byte for byte, to the same kind of broker and topic (one
 * partition), with the engine's producer properties, and waits until Kafka has acknowledged all.
 *
 * <p>Before the trial, a spool of {@code events} events is filled and drained by an engine, exactly
 * as {@code DrainBenchmark} does, and the records it produced are read back from the topic: their
 * partition, timestamp, key (none), value and headers (event id, level) are what the loop sends. The
 * timed operation creates a producer (as the engine's start does), makes each record with its
 * headers and sends it with a callback that counts acknowledgements, flushes, and returns once all
 * were acknowledged. Producer
 * properties: the engine's defaults ({@link ProducerSettings#DEFAULTS}: acks, idempotence, lz4,
 * linger, batch size, buffer, timeouts), its serializers and its requests in flight per
 * connection; {@code max.block.ms} is left at the client's default, so the loop waits in
 * {@code send} when the producer's buffer is full, as a bare loop would, where the engine (which
 * sets it to 0) tries again later.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX, JvmFlags.PRE_TOUCH})
@Warmup(iterations = 3)
@Measurement(iterations = 6)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BareProducerBenchmark {
    private static final Duration CAPTURE_TIMEOUT = Duration.ofMinutes(2);

    @Param({"500000"})
    public int events;

    private Path dir;
    private Kafka up;
    /**
     * The drained records, in a few large arrays: holding 500,000 {@code ProducerRecord}s with
     * their header lists (about 750 MB of small objects) made the loop's own garbage collection,
     * not its sending, the measure (G1's marking of them doubled the loop's CPU after a few
     * iterations).
     */
    private DrainedRecords records;
    private Map<String, Object> properties;
    private KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long sendNanos;
    private long sendCpuNanos;

    @Setup(Level.Trial)
    public void captureDrainedRecords() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        try {
            up = Kafka.start("up", dir.resolve("broker"));
            Path spool = dir.resolve("spool");
            SpoolFill.fill(Kafka.start("down", null), spool, events);
            try (BenchmarkEngine capture = BenchmarkEngine.start("capture", up.bootstrapServers(), spool,
                    Durability.MEMORY)) {
                capture.awaitDrained(events, CAPTURE_TIMEOUT);
            }
            TempDirs.delete(spool);
            records = toDrainedRecords(up.consume(events, CAPTURE_TIMEOUT));
        } catch (RuntimeException | Error e) {
            stopBroker();
            throw e;
        }
        properties = properties(up.bootstrapServers());
        System.out.println("  [bare] producer properties: " + ProducerSettings.masked(properties));
    }

    /**
     * The bare producer's properties: the engine's defaults, its serializers and its one request in
     * flight per connection; {@code max.block.ms} is the client's default.
     */
    static Map<String, Object> properties(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(ProducerSettings.DEFAULTS);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerSettings.OWNED.get("key.serializer"));
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerSettings.OWNED.get("value.serializer"));
        String inFlight = ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
        properties.put(inFlight, ProducerSettings.OWNED.get(inFlight));
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "bare-producer");
        return properties;
    }

    private DrainedRecords toDrainedRecords(List<ConsumerRecord<byte[], byte[]>> read) {
        if (read.size() < events) {
            throw new IllegalStateException("read " + read.size() + " of the " + events + " drained records");
        }
        Header[] first = read.get(0).headers().toArray();
        long valueBytes = 0;
        long headerBytes = 0;
        long[] headerValueBytes = new long[first.length];
        for (ConsumerRecord<byte[], byte[]> record : read.subList(0, events)) {
            valueBytes += record.value().length;
            Header[] headers = record.headers().toArray();
            for (int h = 0; h < headers.length; h++) {
                int length = headers[h].value() == null ? 0 : headers[h].value().length;
                headerBytes += headers[h].key().length() + length;
                if (h < first.length) {
                    headerValueBytes[h] += length;
                }
            }
        }
        DrainedRecords out = new DrainedRecords(events, first, valueBytes, headerValueBytes);
        for (int i = 0; i < events; i++) {
            out.set(i, read.get(i));
        }
        System.out.printf("  [bare] %,d records as the drain sent them: %,d value bytes, %,d header bytes, keys %s%n",
                events, valueBytes, headerBytes, read.get(0).key() == null ? "none" : "present");
        return out;
    }

    @Benchmark
    public long sendAll() {
        long start = System.nanoTime();
        long cpuStart = ProcessCpu.nanos();
        producer = new KafkaProducer<>(properties);
        Callback counting = (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, error);
            }
        };
        for (int i = 0; i < events; i++) {
            producer.send(records.record(i), counting);
        }
        producer.flush();
        sendNanos = System.nanoTime() - start;
        sendCpuNanos = ProcessCpu.nanos() - cpuStart;
        if (failure.get() != null || acknowledged.get() != events) {
            throw new IllegalStateException(acknowledged.get() + " of " + events + " acknowledged", failure.get());
        }
        return acknowledged.get();
    }

    @TearDown(Level.Iteration)
    public void closeProducer() {
        if (producer != null) {
            System.out.printf("  [bare] %,d records in %,d ms: %,.0f records/s, %.2f µs CPU per record, the producer's"
                    + " creation included%n", acknowledged.get(), TimeUnit.NANOSECONDS.toMillis(sendNanos),
                    acknowledged.get() / (sendNanos / 1e9), ProcessCpu.microsPerEvent(sendCpuNanos, events));
            producer.close();
            producer = null;
        }
        acknowledged.set(0);
        failure.set(null);
    }

    @TearDown(Level.Trial)
    public void stopBroker() {
        if (up != null) {
            up.close();
        }
        TempDirs.delete(dir);
    }
}
