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
import java.util.stream.LongStream;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool's files roll by the clock and shipped files are deleted by name: a clock set back by
 * hours, while some events are shipped and others wait, neither reorders nor deletes an unshipped
 * event, in one process or across a restart; a new spool's first records, written after the cycle
 * it opened in ended, are read; a spool stopped with the next cycle's file made ahead and empty is
 * read in order after restarts cycles later and within the cycle.
 */
class ChronicleSpoolClockTest {
    private static final long ROLL_MILLIS = ChronicleSpool.ROLL_CYCLE.lengthInMillis();

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000));
    private final List<Long> shipped = new ArrayList<>();
    private long appended;

    @Test
    void aClockSetBackByHoursNeitherReordersNorDeletesUnshippedEvents() throws IOException {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            for (int roll = 0; roll < 3; roll++) {
                append(spool, 10);
                clock.advanceMillis(ROLL_MILLIS + 1000);
            }
            ship(spool, 15);
            clock.advanceMillis(-TimeUnit.HOURS.toMillis(3));
            append(spool, 10);
            ship(spool, 20);
            System.out.println("after the step back: files " + queueFiles() + ", shipped " + shipped.size()
                    + ", pending " + spool.pendingEvents());
            assertEquals(appended - shipped.size(), spool.pendingEvents(), "no unshipped event is gone");
            for (int roll = 0; roll < 3; roll++) {
                clock.advanceMillis(ROLL_MILLIS + 1000);
                append(spool, 10);
                ship(spool, 5);
            }
            clock.advanceMillis(TimeUnit.HOURS.toMillis(4));
            append(spool, 10);
            assertEquals(appended - shipped.size(), spool.pendingEvents(), "no unshipped event is gone");
            ship(spool, Integer.MAX_VALUE);
            System.out.println("at the end: files " + queueFiles() + ", appended " + appended + ", shipped "
                    + shipped.size());
            assertEquals(0, spool.pendingEvents());
        }
        assertEquals(LongStream.rangeClosed(1, appended).boxed().collect(Collectors.toList()), shipped,
                "every event comes out once, in order");
        assertTrue(appended >= 80);
    }

    @Test
    void aSpoolReopenedWhileTheClockIsBehindGoesOnInOrder() throws IOException {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            for (int roll = 0; roll < 3; roll++) {
                append(spool, 10);
                clock.advanceMillis(ROLL_MILLIS + 1000);
            }
            ship(spool, 5);
        }
        clock.advanceMillis(-TimeUnit.HOURS.toMillis(3));
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            assertEquals(25, spool.pendingEvents());
            append(spool, 10);
            clock.advanceMillis(ROLL_MILLIS + 1000);
            append(spool, 10);
            ship(spool, 30);
            assertEquals(appended - shipped.size(), spool.pendingEvents(), "no unshipped event is gone");
        }
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            ship(spool, Integer.MAX_VALUE);
            System.out.println("reopened behind the clock: files " + queueFiles() + ", appended " + appended
                    + ", shipped " + shipped.size());
        }
        assertEquals(LongStream.rangeClosed(1, appended).boxed().collect(Collectors.toList()), shipped,
                "every event comes out once, in order");
    }

    @Test
    void aNewSpoolsFirstRecordsWrittenAfterItsFirstCycleEndedAreRead() throws IOException {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            clock.advanceMillis(ROLL_MILLIS);
            append(spool, 10);
            ship(spool, Integer.MAX_VALUE);
            System.out.println("first records a cycle after opening: files " + queueFiles() + ", shipped "
                    + shipped.size());
            assertEquals(0, spool.pendingEvents(), "read to the end: files " + queueFiles());
        }
        assertEquals(LongStream.rangeClosed(1, 10).boxed().collect(Collectors.toList()), shipped,
                "every event comes out once, in order");
    }

    @Test
    void aSpoolStoppedWithTheNextCyclesFileMadeAheadIsReadInOrderAfterARestartCyclesLater() throws IOException {
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            append(spool, 10);
            ship(spool, 3);
            clock.advanceMillis(ROLL_MILLIS - clock.currentTimeMillis() % ROLL_MILLIS - 5000);
            spool.maintain();
            append(spool, 5);
            assertEquals(2, queueFiles().size(), "the next cycle's file made ahead: " + queueFiles());
        }
        for (long later : new long[] {3 * ROLL_MILLIS, 10_000}) {
            clock.advanceMillis(later);
            try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis,
                    DiskSpace.of(dir))) {
                append(spool, 5);
                ship(spool, Integer.MAX_VALUE);
                assertEquals(0, spool.pendingEvents(), "read to the end: files " + queueFiles());
                append(spool, 5);
                spool.maintain();
            }
        }
        try (ChronicleSpool spool = ChronicleSpool.open(dir, 16L << 20, clock::currentTimeMillis, DiskSpace.of(dir))) {
            ship(spool, Integer.MAX_VALUE);
            System.out.println("restarts after a file made ahead: files " + queueFiles() + ", appended " + appended
                    + ", shipped " + shipped.size());
        }
        assertEquals(LongStream.rangeClosed(1, appended).boxed().collect(Collectors.toList()), shipped,
                "every event comes out once, in order");
    }

    private void append(ChronicleSpool spool, int count) {
        for (int i = 0; i < count; i++) {
            appended++;
            spool.append(1L, Events.event(appended, Long.toString(appended)));
        }
    }

    /** Reads and commits up to {@code count} records, one at a time, as Kafka would acknowledge them. */
    private void ship(ChronicleSpool spool, int count) {
        SpoolRecord r = new SpoolRecord();
        for (int i = 0; i < count && spool.read(r); i++) {
            shipped.add(Long.parseLong(Events.valueOf(r)));
            spool.commit(r.position);
        }
    }

    private List<String> queueFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
