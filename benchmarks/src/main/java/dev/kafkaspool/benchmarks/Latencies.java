package dev.kafkaspool.benchmarks;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Recorded durations in nanoseconds, in an HdrHistogram histogram (three significant digits; its
 * range is allocated up front, so recording never allocates), read as percentiles.
 */
final class Latencies {
    private static final long LONGEST_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long ONE_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final Histogram nanos = new Histogram(LONGEST_NANOS, 3);

    void record(long duration) {
        nanos.recordValue(Math.min(Math.max(duration, 0), LONGEST_NANOS));
    }

    long count() {
        return nanos.getTotalCount();
    }

    /** p50 / p99 / p99.9 / max in microseconds, or "-" when nothing was recorded. */
    String summary() {
        long count = count();
        if (count == 0) {
            return "-";
        }
        long slow = nanos.getCountBetweenValues(nanos.nextNonEquivalentValue(ONE_MILLI), LONGEST_NANOS);
        return String.format("%s / %s / %s / %s µs; %,d of %,d took over 1 ms", micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()), slow, count);
    }

    private static String micros(long nanos) {
        return String.format("%,.1f", nanos / 1e3);
    }
}
