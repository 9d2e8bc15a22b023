package dev.kafkaspool.benchmarks;

import java.util.Arrays;

/** Recorded durations in nanoseconds, up to a fixed count, read as percentiles of a sorted copy. */
final class Latencies {
    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long duration) {
        if (count < nanos.length) {
            nanos[count++] = duration;
        }
    }

    int count() {
        return count;
    }

    /** p50 / p99 / p99.9 / max in microseconds, or "-" when nothing was recorded. */
    String summary() {
        if (count == 0) {
            return "-";
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int slow = count - lowerBound(sorted, 1_000_000L);
        return String.format("%s / %s / %s / %s µs; %,d of %,d took over 1 ms", micros(sorted, 0.50),
                micros(sorted, 0.99), micros(sorted, 0.999), micros(sorted, 1.0), slow, count);
    }

    private static int lowerBound(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    private static String micros(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%,.1f", sorted[Math.max(0, index)] / 1e3);
    }
}
