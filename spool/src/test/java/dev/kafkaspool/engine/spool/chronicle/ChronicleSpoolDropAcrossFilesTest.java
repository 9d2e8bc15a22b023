package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.spool.SpoolRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records dropped while others are in flight may span spool files, whose indexes are not
 * contiguous: the reader skips them, and once the committed position reaches them it moves past
 * them and the files they leave are deleted.
 */
class ChronicleSpoolDropAcrossFilesTest {
    private static final long ROLL_MILLIS = ChronicleSpool.ROLL_CYCLE.lengthInMillis();

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));

    @Test
    void aDroppedRangeAcrossFilesIsSkippedAndCommittedPast() throws IOException {
        try (ChronicleSpool spool = open()) {
            append(spool, 1, 2);
            clock.advanceMillis(ROLL_MILLIS + 1000);
            append(spool, 3, 4);
            clock.advanceMillis(ROLL_MILLIS + 1000);
            append(spool, 5, 6);
            assertEquals(3, queueFiles().size());

            SpoolRecord r = new SpoolRecord();
            assertTrue(spool.read(r));
            long first = r.position;
            for (int i = 0; i < 3; i++) {
                assertTrue(spool.dropOldest() > 0);
            }
            assertEquals(List.of("5", "6"), readAll(spool), "e2 to e4 skipped, from the first file to the second");
            spool.rewind();
            assertEquals(List.of("1", "5", "6"), readAll(spool));
            spool.commit(first);

            assertEquals(2, spool.pendingEvents());
            assertEquals(2, queueFiles().size(), "the first file is shipped or dropped");
            spool.rewind();
            assertEquals(List.of("5", "6"), readAll(spool));
        }
        try (ChronicleSpool spool = open()) {
            assertEquals(2, spool.pendingEvents());
            assertEquals(List.of("5", "6"), readAll(spool));
        }
    }

    private ChronicleSpool open() {
        return ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir));
    }

    private static void append(ChronicleSpool spool, int from, int to) {
        for (int i = from; i <= to; i++) {
            spool.append(1L, Events.event(i, Integer.toString(i)));
        }
    }

    private static List<String> readAll(ChronicleSpool spool) {
        List<String> values = new ArrayList<>();
        SpoolRecord r = new SpoolRecord();
        while (spool.read(r)) {
            values.add(Events.valueOf(r));
        }
        return values;
    }

    private List<String> queueFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
