package dev.kafkaspool.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.OptionalLong;

/**
 * What arrived in a log file of the events 1 to {@code logged}, counted as {@link ArrivalCount}
 * counts a topic, the file taken as one partition in line order. A missing file counts as empty.
 */
final class FileArrivals {

    private FileArrivals() {
    }

    static ArrivalCount of(Path file, long logged) {
        BitSet seen = new BitSet();
        long duplicates = 0;
        long outOfOrder = 0;
        long unknown = 0;
        long highest = 0;
        if (Files.exists(file)) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    OptionalLong number = EventMessage.numberIn(line);
                    if (number.isEmpty() || number.getAsLong() < 1 || number.getAsLong() > logged) {
                        unknown++;
                        continue;
                    }
                    int event = (int) number.getAsLong();
                    if (seen.get(event)) {
                        duplicates++;
                        continue;
                    }
                    seen.set(event);
                    if (event < highest) {
                        outOfOrder++;
                    }
                    highest = Math.max(highest, event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long arrived = seen.cardinality();
        return new ArrivalCount(logged, arrived, logged - arrived, duplicates, outOfOrder, unknown);
    }
}
