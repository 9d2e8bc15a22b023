package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The outage scenario's samples of all cases as CSV, one row per sample: {@code case, seconds,
 * logged, acknowledged, acknowledged_per_second, broker}. {@code acknowledged} (the topic's end
 * offsets) and the rate (over the interval since the row before) are empty where the broker gave no
 * answer; {@code broker} is its state then ({@code up}, {@code down}, {@code restarting}).
 */
final class TimelineCsv {
    static final String HEADER = "case,seconds,logged,acknowledged,acknowledged_per_second,broker";

    private TimelineCsv() {
    }

    static void write(Path file, List<ThroughputTimeline> timelines) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ThroughputTimeline timeline : timelines) {
            double[] rates = timeline.acknowledgedPerSecond();
            for (int i = 0; i < rates.length; i++) {
                ThroughputSample sample = timeline.samples().get(i);
                csv.append(String.format(Locale.ROOT, "%s,%.3f,%s,%s,%s,%s%n", timeline.appender().id(),
                        sample.seconds(), sample.logged() < 0 ? "" : String.valueOf(sample.logged()),
                        sample.acknowledgedKnown() ? String.valueOf(sample.acknowledged()) : "",
                        Double.isNaN(rates[i]) ? "" : String.format(Locale.ROOT, "%.0f", rates[i]),
                        timeline.brokerAt(sample.seconds())));
            }
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
