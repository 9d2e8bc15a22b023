package dev.kafkaspool.benchmarks.endtoend;

import java.util.List;
import java.util.Locale;

/**
 * Acknowledged events per second over the outage scenario's timeline, one line per case
 * ({@link ThroughputTimeline#acknowledgedPerSecond()}, each rate drawn at the middle of its
 * interval; no line where the broker gave no end offsets), with the first case's marks (kill,
 * restart, broker back) as vertical lines.
 */
final class ThroughputPlot {
    private static final int TICKS = 10;

    private ThroughputPlot() {
    }

    static SvgChart of(String title, List<ThroughputTimeline> timelines) {
        double longest = 1;
        double highest = 0;
        for (ThroughputTimeline timeline : timelines) {
            for (ThroughputSample sample : timeline.samples()) {
                longest = Math.max(longest, sample.seconds());
            }
            for (double rate : timeline.acknowledgedPerSecond()) {
                if (!Double.isNaN(rate)) {
                    highest = Math.max(highest, rate);
                }
            }
        }
        SvgChart.Scale x = new SvgChart.Scale(0, longest, false);
        SvgChart.Scale y = SvgChart.Scale.fromZero(highest * 1.05);
        SvgChart chart = new SvgChart(title, x, "seconds since the application began logging", y,
                "acknowledged events/s (topic end offsets)");
        for (double tick : x.steps(TICKS)) {
            chart.xTick(tick, String.format(Locale.ROOT, "%.0f", tick));
        }
        for (double tick : y.steps(TICKS)) {
            chart.yTick(tick, String.format(Locale.ROOT, "%,.0f", tick));
        }
        if (!timelines.isEmpty()) {
            for (TimelineMark mark : timelines.get(0).marks()) {
                chart.verticalMark(mark.seconds(), mark.label());
            }
        }
        for (ThroughputTimeline timeline : timelines) {
            List<ThroughputSample> samples = timeline.samples();
            double[] rates = timeline.acknowledgedPerSecond();
            double[] middles = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                middles[i] = i == 0 ? Double.NaN : (samples.get(i - 1).seconds() + samples.get(i).seconds()) / 2;
            }
            chart.line(timeline.appender().id(), middles, rates);
        }
        return chart;
    }
}
