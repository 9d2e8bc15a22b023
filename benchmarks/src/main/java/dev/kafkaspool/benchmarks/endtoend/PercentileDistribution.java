package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A percentile distribution as HdrHistogram's {@code outputPercentileDistribution} writes it
 * ({@code .hgrm}, as {@link CallLatencies#writeDistribution} does): one line per step with the value,
 * the percentile as a fraction, the count up to it and 1/(1 - percentile), the last line (percentile
 * 1) without the fourth column; a header line and {@code #} lines around them.
 *
 * @param label the series' name in a plot
 * @param values the value of each step (here microseconds)
 * @param percentiles the percentile of each step, as a fraction from 0 to 1
 * @param count the values recorded
 */
record PercentileDistribution(String label, double[] values, double[] percentiles, long count) {

    static PercentileDistribution read(Path file, String label) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<double[]> steps = new ArrayList<>();
        long count = 0;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 3 || line.strip().startsWith("#") || !Character.isDigit(words[0].charAt(0))) {
                continue;
            }
            steps.add(new double[] {Double.parseDouble(words[0]), Double.parseDouble(words[1])});
            count = Math.max(count, Long.parseLong(words[2]));
        }
        double[] values = new double[steps.size()];
        double[] percentiles = new double[steps.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = steps.get(i)[0];
            percentiles[i] = steps.get(i)[1];
        }
        return new PercentileDistribution(label, values, percentiles, count);
    }
}
