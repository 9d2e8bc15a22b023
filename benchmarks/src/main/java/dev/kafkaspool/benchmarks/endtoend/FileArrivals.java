package dev.kafkaspool.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What arrived in a log file of the events 1 to {@code logged}, counted as {@link ArrivalCount}
 * counts a topic, the file taken as one partition in line order. A missing file counts as empty.
 */
final class FileArrivals {

    private FileArrivals() {
    }

    static ArrivalCount of(Path file, long logged) {
        ArrivalTally tally = new ArrivalTally(logged);
        if (Files.exists(file)) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    tally.add(EventMessage.numberIn(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tally.count();
    }
}
