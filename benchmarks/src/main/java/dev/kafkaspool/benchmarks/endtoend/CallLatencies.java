package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The durations of the log calls of one phase of a run (before, during or after the outage, or a
 * burst), in nanoseconds, in an HdrHistogram histogram (three significant digits; its range is
 * allocated up front, so recording a call never allocates). Written by the logging thread only;
 * read after it stopped.
 */
final class CallLatencies {
    /** The longest call the histogram tells apart; a longer one is recorded as this long. */
    private static final long LONGEST_NANOS = TimeUnit.HOURS.toNanos(1);
    /** The distribution's values are in microseconds. */
    private static final double NANOS_PER_OUTPUT_UNIT = 1_000.0;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final Histogram nanos = new Histogram(LONGEST_NANOS, 3);

    void add(long callNanos) {
        nanos.recordValue(Math.min(Math.max(callNanos, 0), LONGEST_NANOS));
    }

    long count() {
        return nanos.getTotalCount();
    }

    /**
     * One line: the number of calls and the p50, p99, p99.9 and maximum call duration in
     * nanoseconds (to the histogram's three significant digits), separated by spaces; zeros when
     * there were no calls.
     */
    String summary() {
        long count = count();
        return count + " " + percentile(50) + " " + percentile(99) + " " + percentile(99.9) + " "
                + (count == 0 ? 0 : nanos.getMaxValue());
    }

    private long percentile(double percentile) {
        return count() == 0 ? 0 : nanos.getValueAtPercentile(percentile);
    }

    /**
     * Writes the percentile distribution in HdrHistogram's {@code outputPercentileDistribution}
     * format ({@code .hgrm}), values in microseconds, for {@link PercentileDistribution} and
     * HdrHistogram's own plotter.
     */
    void writeDistribution(Path file) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            nanos.outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_OUTPUT_UNIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
