package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.spool.SpoolRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files whose records are all shipped are deleted; files with unshipped records stay. */
class ChronicleSpoolFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsDeletedOnceTheCommittedPositionLeavesIt() throws Exception {
        SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            spool.append(1L, Events.event(1, "in the first file"));
            clock.advanceMillis(TimeUnit.MINUTES.toMillis(6));
            spool.append(1L, Events.event(2, "in the second file"));
            clock.advanceMillis(TimeUnit.MINUTES.toMillis(6));
            spool.append(1L, Events.event(3, "in the third file"));
            assertEquals(3, queueFiles().size(), queueFiles().toString());
            SpoolRecord first = new SpoolRecord();
            spool.read(first);
            assertEquals(queueFiles().get(0), ChronicleSpool.fileNameOf(ChronicleSpool.ROLL_CYCLE.toCycle(first.position)),
                    "the spool knows which file holds a record");
            spool.rewind();

            SpoolRecord r = new SpoolRecord();
            spool.read(r);
            spool.commit(r.position);
            assertEquals(3, queueFiles().size(), "the first file still holds the committed record");

            spool.read(r);
            spool.commit(r.position);
            assertEquals(2, queueFiles().size(), "the first file is fully shipped: " + queueFiles());

            spool.read(r);
            assertEquals("in the third file", Events.valueOf(r));
        }
    }

    private List<String> queueFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
