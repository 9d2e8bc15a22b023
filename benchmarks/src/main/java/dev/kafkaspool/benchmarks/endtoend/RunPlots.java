package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The plots of a run, written to the {@link PlotDirectory} once every case has run: the throughput
 * burst's call durations by percentile ({@value #LATENCY_PLOT}, from the applications' {@code .hgrm}
 * files), and the outage scenario's acknowledged events per second over time ({@value #TIMELINE_PLOT},
 * its samples in {@value #TIMELINE_CSV}). A plot without any case is not written.
 */
final class RunPlots {
    static final String LATENCY_PLOT = "throughput-call-latency.svg";
    static final String TIMELINE_PLOT = "outage-acknowledged.svg";
    static final String TIMELINE_CSV = "outage-timeline.csv";

    private RunPlots() {
    }

    /** Writes the plots and returns the names of all files in the directory, the distributions included. */
    static List<String> write(List<CaseResults> results, RunSettings settings) {
        Path directory = PlotDirectory.get();
        List<PercentileDistribution> distributions = new ArrayList<>();
        List<ThroughputTimeline> timelines = new ArrayList<>();
        for (CaseResults result : results) {
            Path burst = PlotDirectory.distribution(ThroughputScenario.NAME, result.appender(),
                    LoggingApplication.BURST_PHASE);
            if (result.throughput() != null && Files.isRegularFile(burst)) {
                distributions.add(PercentileDistribution.read(burst, result.appender().id()));
            }
            if (result.outage() != null && !result.outage().timeline().samples().isEmpty()) {
                timelines.add(result.outage().timeline());
            }
        }
        if (!distributions.isEmpty()) {
            PercentilePlot.of("Log call duration by percentile, throughput burst of up to "
                    + String.format(Locale.ROOT, "%,d", settings.throughputEvents()) + " events", distributions)
                    .write(directory.resolve(LATENCY_PLOT));
        }
        if (!timelines.isEmpty()) {
            ThroughputPlot.of("Acknowledged events/s through a broker outage, logging at "
                    + String.format(Locale.ROOT, "%,d", settings.eventsPerSecond()) + " events/s", timelines)
                    .write(directory.resolve(TIMELINE_PLOT));
            TimelineCsv.write(directory.resolve(TIMELINE_CSV), timelines);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
