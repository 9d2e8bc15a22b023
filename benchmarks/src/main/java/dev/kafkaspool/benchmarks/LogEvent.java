package dev.kafkaspool.benchmarks;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One logging thread's reused event: a 300-byte JSON value, no key, topic resolved once. What
 * {@link #submit} does is what an appender does per event once the value is encoded: take a
 * sequence number, stamp the time, submit.
 *
 * <p>Also measures what the logging thread itself allocates: JMH's {@code -prof gc} divides the
 * allocation of every thread in the JVM (the shipper's and the Kafka client's included) by the
 * benchmark's operations, so each iteration also prints this thread's own bytes per submit.
 */
@State(Scope.Thread)
public class LogEvent {
    static final int VALUE_BYTES = 300;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final EncodedEvent event = new EncodedEvent();
    private long submits;
    private long allocatedAtStart;

    @Setup
    public void setUp() {
        byte[] value = value();
        event.level(LogLevel.INFO).topic(Kafka.TOPIC).noKey().value(value, value.length);
    }

    @Setup(Level.Iteration)
    public void markAllocation() {
        submits = 0;
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Prints the bytes this logging thread allocated per submit in the iteration. */
    @TearDown(Level.Iteration)
    public void printAllocation() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
        System.out.printf("  [%s] logging thread allocated %,d bytes in %,d submits: %.3f B/op%n",
                Thread.currentThread().getName(), bytes, submits, submits == 0 ? 0.0 : (double) bytes / submits);
    }

    boolean submit(SpoolEngine engine) {
        submits++;
        event.sequence(engine.nextSequence()).timestampMillis(System.currentTimeMillis());
        return engine.submit(event);
    }

    /** A structured log line of exactly {@value #VALUE_BYTES} bytes. */
    static byte[] value() {
        String head = "{\"@timestamp\":\"2026-01-01T12:00:00.000Z\",\"log.level\":\"INFO\","
                + "\"log.logger\":\"com.example.orders.OrderService\",\"process.thread.name\":\"http-nio-8080-exec-1\","
                + "\"service.name\":\"orders\",\"trace.id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"message\":\"";
        String tail = "\"}";
        StringBuilder message = new StringBuilder("order accepted: id=");
        while (head.length() + message.length() + tail.length() < VALUE_BYTES) {
            message.append((char) ('0' + message.length() % 10));
        }
        byte[] bytes = (head + message + tail).getBytes(StandardCharsets.UTF_8);
        if (bytes.length != VALUE_BYTES) {
            throw new IllegalStateException("value is " + bytes.length + " bytes");
        }
        return bytes;
    }
}
