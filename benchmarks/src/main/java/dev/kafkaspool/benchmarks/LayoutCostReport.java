package dev.kafkaspool.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The layouts' encoding cost against {@code ecs}, from one run of {@link EncodeBenchmark} over every
 * layout: CPU time per event (and JMH's wall-clock time), bytes per record and bytes allocated per
 * event, each as a ratio to {@code ecs} with the same event. Prints a Markdown table at the end.
 * Arguments are JMH's own ({@code -f}, {@code -wi}, {@code -i}, {@code -p exception=false}...); the
 * GC profiler is always on.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.kafkaspool.benchmarks.LayoutCostReport</pre>
 */
public final class LayoutCostReport {
    static final String BASELINE = "ecs";

    private LayoutCostReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(EncodeBenchmark.class.getName() + ".encode")
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(Row.of(r));
        }
        System.out.println();
        System.out.print(table(rows));
    }

    /** The Markdown table: one row per layout and exception, ratios to the {@code ecs} row with the same exception. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| layout | exception | CPU ns/event | × ecs | wall ns/event | bytes/record | × ecs "
                + "| B allocated/event | × ecs |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Row base = baseline(rows, row.exception);
            out.append(String.format(Locale.ROOT, "| `%s` | %s | %,.0f | %s | %s | %,d | %s | %.3f | %s |%n",
                    row.layout, row.exception ? "yes" : "no",
                    row.cpuNanos, ratio(row.cpuNanos, base == null ? Double.NaN : base.cpuNanos),
                    wallNanos(row),
                    row.recordBytes, ratio(row.recordBytes, base == null ? Double.NaN : base.recordBytes),
                    row.allocated, allocationRatio(row.allocated, base == null ? Double.NaN : base.allocated)));
        }
        return out.toString();
    }

    /** JMH's mean with its 99.9% error, which a single measured iteration does not have. */
    private static String wallNanos(Row row) {
        return Double.isNaN(row.wallError) ? String.format(Locale.ROOT, "%,.0f", row.wallNanos)
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", row.wallNanos, row.wallError);
    }

    private static Row baseline(List<Row> rows, boolean exception) {
        for (Row r : rows) {
            if (r.layout.equals(BASELINE) && r.exception == exception) {
                return r;
            }
        }
        return null;
    }

    static String ratio(double value, double base) {
        return Double.isNaN(base) || base == 0 ? "–" : String.format(Locale.ROOT, "%.2f", value / base);
    }

    /** Below one byte per event there is no allocation per event to compare: a one-off spread over millions. */
    static String allocationRatio(double value, double base) {
        if (value < 1 && base < 1) {
            return "both < 1 B";
        }
        return ratio(value, base);
    }

    /** One benchmark result with the size of the record it encodes. */
    static final class Row {
        final String layout;
        final boolean exception;
        final double cpuNanos;
        final double wallNanos;
        final double wallError;
        final int recordBytes;
        final double allocated;

        Row(String layout, boolean exception, double cpuNanos, Result<?> wall, int recordBytes, double allocated) {
            this.layout = layout;
            this.exception = exception;
            this.cpuNanos = cpuNanos;
            this.wallNanos = wall.getScore();
            this.wallError = wall.getScoreError();
            this.recordBytes = recordBytes;
            this.allocated = allocated;
        }

        static Row of(RunResult r) {
            BenchmarkParams params = r.getParams();
            String layout = params.getParam("layout");
            boolean exception = Boolean.parseBoolean(params.getParam("exception"));
            Map<String, Result> secondary = r.getSecondaryResults();
            // Both counters are totals aggregated alike, so their quotient is the CPU time per event.
            double cpu = secondary(secondary, "cpuNanos") / secondary(secondary, "events");
            return new Row(layout, exception, cpu, r.getPrimaryResult(), recordBytes(layout, exception),
                    secondary(secondary, "gc.alloc.rate.norm"));
        }

        /** The value size of the benchmark's event in {@code layout}, encoded once as the benchmark encodes it. */
        static int recordBytes(String layout, boolean exception) {
            EncodeBenchmark b = new EncodeBenchmark();
            b.layout = layout;
            b.exception = exception;
            b.setUp();
            return b.encode();
        }

        private static double secondary(Map<String, Result> results, String name) {
            for (Map.Entry<String, Result> e : results.entrySet()) {
                if (e.getKey().equals(name) || e.getKey().endsWith(":" + name) || e.getKey().endsWith("." + name)) {
                    return e.getValue().getScore();
                }
            }
            throw new IllegalStateException("no " + name + " among " + results.keySet());
        }
    }
}
