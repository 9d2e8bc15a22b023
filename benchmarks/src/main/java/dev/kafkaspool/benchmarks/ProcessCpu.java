package dev.kafkaspool.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * The CPU time the whole process has used so far (all its threads: the application's, the
 * engine's, the Kafka client's, the JIT compiler's and the garbage collector's), as the JVM's
 * operating system bean reports it; -1 where the JVM does not tell. A broker started by the
 * benchmark runs in its own process and is not counted.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU microseconds per event between two readings of {@link #nanos()}. */
    public static double microsPerEvent(long cpuNanos, long events) {
        return cpuNanos / 1e3 / events;
    }
}
