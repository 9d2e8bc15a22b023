package dev.kafkaspool.benchmarks;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one logging thread itself allocates per log call, printed after every iteration. JMH's
 * {@code -prof gc} divides the allocation of every thread in the JVM (an appender's own threads
 * and the Kafka client's included) by the benchmark's operations; this is the logging thread's
 * part alone, read from {@code ThreadMXBean.getCurrentThreadAllocatedBytes}.
 */
@State(Scope.Thread)
public class LoggingThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long calls;
    private long allocatedAtStart;

    @Setup(Level.Iteration)
    public void mark() {
        calls = 0;
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void print() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
        System.out.printf("  [%s] logging thread allocated %,d bytes in %,d log calls: %.3f B/op%n",
                Thread.currentThread().getName(), bytes, calls, calls == 0 ? 0.0 : (double) bytes / calls);
    }

    /** Counts one log call. */
    void count() {
        calls++;
    }
}
