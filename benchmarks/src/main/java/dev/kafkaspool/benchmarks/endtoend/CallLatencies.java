package dev.kafkaspool.benchmarks.endtoend;

import java.util.Arrays;

/**
 * The durations of the log calls of one phase of a run (before, during or after the outage, or a burst), in
 * nanoseconds, and their percentiles. Written by the logging thread only; read after it stopped.
 */
final class CallLatencies {
    private long[] nanos;
    private int count;

    CallLatencies() {
        this(1 << 16);
    }

    /** Room for {@code expectedCalls} calls before the first copy to a larger array. */
    CallLatencies(int expectedCalls) {
        nanos = new long[Math.max(16, expectedCalls)];
    }

    void add(long callNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = callNanos;
    }

    int count() {
        return count;
    }

    /**
     * One line: the number of calls and the p50, p99, p99.9 and maximum call duration in
     * nanoseconds, separated by spaces; zeros when there were no calls.
     */
    String summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return count + " " + percentile(sorted, 0.50) + " " + percentile(sorted, 0.99) + " "
                + percentile(sorted, 0.999) + " " + (count == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
