package dev.kafkaspool.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The layouts' encoding cost against {@code ecs}: runs {@link EncodeBenchmark} over every layout,
 * {@code rounds} times in a row (system property, 3 by default), so that a change in the machine's
 * load falls on every layout rather than on one; then prints a Markdown table of CPU time per event
 * (over all rounds, and the lowest and highest round), JMH's wall-clock time, bytes per record and
 * bytes allocated per event, each as a ratio to {@code ecs} with the same event. Arguments are JMH's
 * own ({@code -f}, {@code -wi}, {@code -i}, {@code -p exception=false}...); the GC profiler is always on.
 *
 * <pre>java -Drounds=3 -cp benchmarks/target/benchmarks.jar dev.kafkaspool.benchmarks.LayoutCostReport</pre>
 */
public final class LayoutCostReport {
    static final String BASELINE = "ecs";

    private LayoutCostReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        int rounds = Integer.getInteger("rounds", 3);
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(EncodeBenchmark.class.getName() + ".encode")
                .addProfiler(GCProfiler.class)
                .build();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (RunResult r : new Runner(options).run()) {
                BenchmarkParams params = r.getParams();
                String layout = params.getParam("layout");
                boolean exception = Boolean.parseBoolean(params.getParam("exception"));
                rows.computeIfAbsent(layout + "/" + exception, k -> new Row(layout, exception)).add(r);
            }
        }
        System.out.println();
        System.out.printf("%d rounds%n%n", rounds);
        System.out.print(table(new ArrayList<>(rows.values())));
    }

    /** The Markdown table: one row per layout and exception, ratios to the {@code ecs} row with the same exception. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| layout | exception | CPU ns/event (lowest–highest round) | × ecs | wall ns/event "
                + "| bytes/record | × ecs | B allocated/event | × ecs |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Row base = baseline(rows, row.exception);
            out.append(String.format(Locale.ROOT, "| `%s` | %s | %,.0f (%,.0f–%,.0f) | %s | %,.0f | %,.0f | %s | %.3f | %s |%n",
                    row.layout, row.exception ? "yes" : "no",
                    row.cpuNanos(), row.lowestRound, row.highestRound,
                    ratio(row.cpuNanos(), base == null ? Double.NaN : base.cpuNanos()),
                    row.wallNanos(),
                    row.recordBytes(), ratio(row.recordBytes(), base == null ? Double.NaN : base.recordBytes()),
                    row.allocated(), allocationRatio(row.allocated(), base == null ? Double.NaN : base.allocated())));
        }
        return out.toString();
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

    /** One layout and exception over every round. */
    static final class Row {
        final String layout;
        final boolean exception;
        private double cpuNanos;
        private double recordBytes;
        private double events;
        private double lowestRound = Double.MAX_VALUE;
        private double highestRound;
        private double wallSum;
        private double allocatedSum;
        private int rounds;

        Row(String layout, boolean exception) {
            this.layout = layout;
            this.exception = exception;
        }

        void add(RunResult r) {
            Map<String, Result> secondary = r.getSecondaryResults();
            // The counters are totals, aggregated alike: their quotients are per event.
            double cpu = secondary(secondary, "cpuNanos");
            double n = secondary(secondary, "events");
            cpuNanos += cpu;
            events += n;
            recordBytes += secondary(secondary, "recordBytes");
            lowestRound = Math.min(lowestRound, cpu / n);
            highestRound = Math.max(highestRound, cpu / n);
            wallSum += r.getPrimaryResult().getScore();
            allocatedSum += secondary(secondary, "gc.alloc.rate.norm");
            rounds++;
        }

        double cpuNanos() {
            return cpuNanos / events;
        }

        /** The mean size of the records the benchmark encoded (the event id grows with the sequence). */
        double recordBytes() {
            return recordBytes / events;
        }

        double wallNanos() {
            return wallSum / rounds;
        }

        double allocated() {
            return allocatedSum / rounds;
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
