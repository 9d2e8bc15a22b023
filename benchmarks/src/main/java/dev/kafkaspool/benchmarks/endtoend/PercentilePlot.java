package dev.kafkaspool.benchmarks.endtoend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Log-call durations by percentile, one line per case ({@link PercentileDistribution}), as
 * HdrHistogram's percentile plots draw them: the x axis is 1/(1 - percentile) on a log scale,
 * labelled 0%, 90%, 99%, 99.9%, ...; the y axis is the call's duration in microseconds on a log
 * scale. The last step of each line (percentile 1, the longest call) is drawn at the axis's right end.
 */
final class PercentilePlot {

    private PercentilePlot() {
    }

    static SvgChart of(String title, List<PercentileDistribution> distributions) {
        double widest = 10;
        double shortest = Double.POSITIVE_INFINITY;
        double longest = 0;
        for (PercentileDistribution distribution : distributions) {
            for (int i = 0; i < distribution.values().length; i++) {
                if (distribution.percentiles()[i] < 1) {
                    widest = Math.max(widest, 1 / (1 - distribution.percentiles()[i]));
                }
                if (distribution.values()[i] > 0) {
                    shortest = Math.min(shortest, distribution.values()[i]);
                }
                longest = Math.max(longest, distribution.values()[i]);
            }
        }
        int decades = (int) Math.ceil(Math.log10(widest) - 1e-9);
        SvgChart.Scale x = new SvgChart.Scale(1, Math.pow(10, decades), true);
        double bottom = Double.isInfinite(shortest) ? 0.1 : Math.pow(10, Math.floor(Math.log10(shortest)));
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(longest, bottom * 10))));
        SvgChart.Scale y = new SvgChart.Scale(bottom, top, true);
        SvgChart chart = new SvgChart(title, x, "percentile (log scale of 1/(1 - percentile))", y,
                "log call duration, µs (log scale)");
        for (int power = 0; power <= decades; power++) {
            chart.xTick(Math.pow(10, power), percentileLabel(power));
        }
        for (double tick : y.decades()) {
            chart.yTick(tick, tick < 1 ? BigDecimal.valueOf(tick).toPlainString()
                    : String.format(Locale.ROOT, "%,.0f", tick));
        }
        for (PercentileDistribution distribution : distributions) {
            int steps = distribution.values().length;
            double[] xs = new double[steps];
            double[] ys = new double[steps];
            for (int i = 0; i < steps; i++) {
                double percentile = distribution.percentiles()[i];
                xs[i] = percentile < 1 ? 1 / (1 - percentile) : x.max();
                ys[i] = Math.max(distribution.values()[i], bottom);
            }
            chart.line(String.format(Locale.ROOT, "%s (%,d calls)", distribution.label(), distribution.count()),
                    xs, ys);
        }
        return chart;
    }

    /** The percentile at 1/(1 - p) = 10^power: 0%, 90%, 99%, 99.9%, ... */
    static String percentileLabel(int power) {
        return BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointLeft(power - 2)).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
