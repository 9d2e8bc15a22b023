package dev.kafkaspool.benchmarks;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU time the benchmark thread spent in each measured iteration, the events it encoded there
 * and the bytes of their records, reported by JMH beside the wall-clock time ({@code encode:cpuNanos},
 * {@code encode:events}, {@code encode:recordBytes}). The CPU time per event does not count the time
 * the thread waited for a core, which on a machine shared with other work the wall-clock time does.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class EncodeCpuTime {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuNanos;
    public long events;
    public long recordBytes;
    private long cpuAtStart;

    @Setup(Level.Iteration)
    public void start() {
        events = 0;
        recordBytes = 0;
        cpuNanos = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
    }

    /** Counts one encoded event and its record's bytes. */
    int count(int bytes) {
        events++;
        recordBytes += bytes;
        return bytes;
    }
}
