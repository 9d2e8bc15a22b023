package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.spool.SpoolException;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the spool files, one per cycle of {@link QueueFiles#CYCLES}: the cycle's start time
 * in the roll cycle's UTC pattern; and the deletion of the files before a cycle.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class SpoolFiles {
    static final DateTimeFormatter CYCLE_NAMES = DateTimeFormatter.ofPattern(QueueFiles.CYCLES.format())
            .withZone(ZoneOffset.UTC);

    private SpoolFiles() {
    }

    /** The name of the file that holds a cycle: the cycle's start time in the roll cycle's UTC pattern. */
    static String fileNameOf(int cycle) {
        return CYCLE_NAMES.format(Instant.ofEpochMilli(QueueFiles.CYCLES.startMillis(cycle)))
                + QueueFiles.SUFFIX;
    }

    /** The cycles of the spool files in {@code dir}, in order. */
    static List<Integer> cyclesIn(Path dir) throws SpoolException {
        List<Integer> cycles = new ArrayList<>();
        try {
            for (Path f : DamagedFiles.queueFiles(dir)) {
                String name = f.getFileName().toString();
                try {
                    long start = LocalDateTime.parse(name.substring(0, name.length() - QueueFiles.SUFFIX
                            .length()), CYCLE_NAMES).toInstant(ZoneOffset.UTC).toEpochMilli();
                    cycles.add((int) (start / QueueFiles.CYCLES.lengthInMillis()));
                } catch (DateTimeParseException e) {
                    // Not a spool file of this roll cycle: Chronicle does not read it either.
                }
            }
        } catch (java.io.IOException e) {
            throw new SpoolException("cannot list the damaged files in " + dir + ": " + e, e);
        }
        return cycles;
    }

    /** Deletes the spool files in {@code dir} named before the file of {@code cycle}; whether any was. */
    static boolean deleteBefore(Path dir, int cycle) {
        String current = fileNameOf(cycle);
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(QueueFiles.SUFFIX));
        boolean deleted = false;
        if (files != null) {
            for (File f : files) {
                if (f.getName().compareTo(current) < 0) {
                    deleted |= f.delete();
                }
            }
        }
        return deleted;
    }
}
