package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * With the broker up, in a fresh JVM: the time from starting an engine (memory durability, an
 * empty spool directory) until Kafka has acknowledged an event submitted right after the start,
 * the engine told the event's topic as the appenders tell it theirs ({@code engine}) or not
 * ({@code engine-topic-unnamed}); against a bare {@code KafkaProducer} created, sending one record
 * and waiting for its acknowledgement ({@code bare-producer}, {@link BareProducerBenchmark}'s
 * properties). SingleShotTime, one shot per fork, so class loading, a cold JIT, the spool's
 * opening and the producer's first metadata are part of it, as at an application's start. The
 * fork first starts the broker and creates the topic with the test broker's admin client, which
 * loads part of the Kafka client's classes for all three alike.
 */
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {JvmFlags.EXPORT_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG_REFLECT,
        JvmFlags.EXPORT_JDK_INTERNAL_REF, JvmFlags.OPEN_JAVA_NIO, JvmFlags.OPEN_SUN_NIO_CH, JvmFlags.OPEN_JAVA_LANG,
        JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstDeliveryBenchmark {
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Param({"engine", "engine-topic-unnamed", "bare-producer"})
    public String start;

    private Path dir;
    private Kafka up;
    private SpoolEngine engine;
    private KafkaProducer<byte[], byte[]> producer;

    @Setup(Level.Trial)
    public void startBroker() {
        JvmFlags.check();
        dir = TempDirs.create("kafka-spool-bench-");
        up = Kafka.start("up", dir.resolve("broker"));
    }

    @Benchmark
    public long firstDelivery() throws InterruptedException, ExecutionException {
        if (start.equals("bare-producer")) {
            producer = new KafkaProducer<>(BareProducerBenchmark.properties(up.bootstrapServers()));
            byte[] value = "{\"message\":\"first\"}".getBytes(StandardCharsets.UTF_8);
            RecordMetadata acked = producer.send(new ProducerRecord<>(Kafka.TOPIC, value)).get();
            return acked.offset();
        }
        SpoolEngine.Builder builder = SpoolEngine.builder(BenchmarkEngine.config(up.bootstrapServers(),
                dir.resolve("spool"), Durability.MEMORY)).status(StatusListener.toStandardError());
        if (start.equals("engine")) {
            builder.topic(Kafka.TOPIC);
        }
        engine = builder.start();
        LogEvent event = new LogEvent();
        event.setUp();
        event.submit(engine);
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (engine.stats().shipped() < 1) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no acknowledgement within a minute: " + engine.stats());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return engine.stats().shipped();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (engine != null) {
            System.out.println("  [first delivery] " + engine.stats());
            engine.stop(BenchmarkEngine.STOP_TIMEOUT);
        }
        if (producer != null) {
            producer.close();
        }
        up.close();
        TempDirs.delete(dir);
    }
}
