package dev.kafkaspool.benchmarks.endtoend;

import java.lang.management.ManagementFactory;

/**
 * The CPU time the application's whole process has used so far (all its threads: logging, the
 * appender's, the Kafka client's, the JIT compiler's and the garbage collector's), as the JVM's
 * operating system bean reports it; -1 where the JVM does not tell.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
