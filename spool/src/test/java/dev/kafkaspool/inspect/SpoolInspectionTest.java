package dev.kafkaspool.inspect;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.ChildApplication;
import dev.kafkaspool.engine.InspectedSpools;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The read-only inspection of spools left by real engine runs: healthy, in use, and damaged. */
@Tag("process")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpoolInspectionTest {
    private static final String TOPIC = "inspected";

    @TempDir
    Path dir;

    @Test
    void aStoppedEnginesSpoolShowsEveryLoggedEventWithItsTimeLevelAndTopic() {
        InspectedSpools.leave(dir, TOPIC, 1_000);

        try (SpoolInspection spool = SpoolInspection.open(dir)) {
            SpoolSummary s = spool.summary();
            assertEquals(1_000, s.pendingEvents());
            assertEquals(Instant.ofEpochMilli(InspectedSpools.BASE_MILLIS + 1), s.oldestPending());
            assertEquals(Instant.ofEpochMilli(InspectedSpools.BASE_MILLIS + 1_000), s.newestPending());
            assertTrue(s.readPosition().startsWith("none"), s.readPosition());
            assertTrue(s.files().contains(SpoolInspection.METADATA_FILE), s.files().toString());
            assertTrue(s.files().stream().anyMatch(f -> f.endsWith(".cq4")), s.files().toString());
            assertTrue(s.pendingBytes() > 1_000L * InspectedSpools.PADDING, "pending bytes " + s.pendingBytes());
            assertNull(s.problem());

            for (int n = 1; n <= 1_000; n++) {
                SpooledEvent e = spool.nextPending();
                assertNotNull(e, "event " + n);
                assertArrayEquals(TestEvents.valueFor(n, InspectedSpools.PADDING), e.value(), "event " + n);
                assertEquals(Instant.ofEpochMilli(InspectedSpools.BASE_MILLIS + n), e.timestamp());
                assertEquals(InspectedSpools.levelOf(n), e.level());
                assertEquals(TOPIC, e.topic());
                assertNull(e.key());
                assertTrue(e.eventId().matches("[0-9a-f]{16}-[0-9a-f]+"), e.eventId());
            }
            assertNull(spool.nextPending(), "nothing after the last event");

            SpoolVerification v = spool.verify();
            assertTrue(v.clean(), v.firstDamage());
            assertEquals(1_000, v.records());
            assertEquals(0, v.damaged());
        }
    }

    @Test
    void inspectionChangesNothingAndANewEngineStillFindsEveryEvent() throws Exception {
        InspectedSpools.leave(dir, TOPIC, 300);
        Map<String, String> before = fileStates();

        try (SpoolInspection spool = SpoolInspection.open(dir)) {
            spool.summary();
            while (spool.nextPending() != null) {
                // reads all
            }
            spool.verify();
        }

        assertEquals(before, fileStates(), "no file was created, deleted, resized or written");
        SpoolEngine next = InspectedSpools.startUnreachable(dir);
        try {
            assertEquals(300, next.stats().spoolEvents(), next.stats().toString());
        } finally {
            next.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void aSpoolInUseByARunningEngineCanBeInspectedAndTheEngineKeepsWorking() {
        SpoolEngine engine = InspectedSpools.startUnreachable(dir);
        try {
            InspectedSpools.log(engine, TOPIC, 1, 200);
            try (SpoolInspection spool = SpoolInspection.open(dir)) {
                assertEquals(200, spool.summary().pendingEvents());
                assertTrue(spool.verify().clean());
                InspectedSpools.log(engine, TOPIC, 201, 250);
                assertEquals(250, spool.summary().pendingEvents(), "a later summary sees the new events");
            }
            InspectedSpools.log(engine, TOPIC, 251, 300);
            assertEquals(300, engine.stats().spoolEvents(), engine.stats().toString());
        } finally {
            assertTrue(engine.stop(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aSpoolLeftByAProcessKilledWithMinus9HoldsEveryEventItLogged() throws Exception {
        Instant started = Instant.now();
        Path spoolDir = dir.resolve("spool");
        try (ChildApplication child = ChildApplication.start(ChildApplication.chronicleFlags(),
                InspectedSpools.UNREACHABLE, spoolDir, Durability.DISK, TOPIC, 0, false, dir.resolve("child.err"))) {
            Await.until(() -> child.lastTaken() >= 2_000 || !child.isAlive(), Duration.ofSeconds(120),
                    () -> "the child logs: " + child.lines());
            assertTrue(child.isAlive(), "the child is still running");
            child.kill();
            long taken = child.lastTaken();

            try (SpoolInspection spool = SpoolInspection.open(spoolDir)) {
                SpoolSummary s = spool.summary();
                assertTrue(s.pendingEvents() >= taken, s.pendingEvents() + " pending, " + taken + " taken");
                // No upper bound: the child may have logged more than it printed before the kill.
                // Every pending event is checked below to be the child's own, numbered 1, 2, 3...
                assertFalse(s.oldestPending().isBefore(started.minusSeconds(1)), s.oldestPending().toString());
                assertFalse(s.newestPending().isAfter(Instant.now()), s.newestPending().toString());
                assertFalse(s.newestPending().isBefore(s.oldestPending()));
                for (long n = 1; n <= s.pendingEvents(); n++) {
                    SpooledEvent e = spool.nextPending();
                    assertEquals(n + ":", e.valueText().substring(0, e.valueText().indexOf(':') + 1));
                }
                assertNull(spool.nextPending());
                SpoolVerification v = spool.verify();
                assertTrue(v.clean(), v.firstDamage());
                assertEquals(s.pendingEvents(), v.records());
            }
        }
    }

    @Test
    void aRecordOverwrittenInTheMiddleOfTheFileIsReportedWithItsFileAndPlace() throws Exception {
        InspectedSpools.leave(dir, TOPIC, 1_000);
        Path file = InspectedSpools.queueFiles(dir).get(0);
        long valueAt = InspectedSpools.offsetOfValue(file, 500);
        // The value's length field, just before the value: now far larger than the record.
        InspectedSpools.overwrite(file, valueAt - 4, new byte[] {0x7F, 0x7F, 0x7F, 0x7F});

        try (SpoolInspection spool = SpoolInspection.open(dir)) {
            SpoolVerification v = spool.verify();
            assertFalse(v.clean());
            assertEquals(1_000, v.records(), "every record is still read");
            assertEquals(1, v.damaged());
            assertTrue(v.firstDamage().contains("pending record 500,"), v.firstDamage());
            assertTrue(v.firstDamage().contains(file.getFileName().toString()), v.firstDamage());
            assertTrue(v.firstDamage().contains("checksum does not match"), v.firstDamage());

            for (int n = 1; n < 500; n++) {
                assertNotNull(spool.nextPending());
            }
            SpoolDamagedException e = assertThrows(SpoolDamagedException.class, spool::nextPending);
            assertTrue(e.getMessage().contains("pending record 500,"), e.getMessage());
        }
    }

    @Test
    void zerosOverwritingTheMiddleOfTheFileAreReportedWhereReadingStops() throws Exception {
        InspectedSpools.leave(dir, TOPIC, 1_000);
        Path file = InspectedSpools.queueFiles(dir).get(0);
        long from = InspectedSpools.offsetOfValue(file, 700) - 64;
        long to = InspectedSpools.offsetOfValue(file, 800);
        InspectedSpools.overwrite(file, from, new byte[(int) (to - from)]);

        try (SpoolInspection spool = SpoolInspection.open(dir)) {
            SpoolVerification v = spool.verify();
            assertFalse(v.clean(), "records: " + v.records());
            assertTrue(v.records() < 700, "records: " + v.records());
            assertTrue(v.firstDamage().contains(file.getFileName().toString()), v.firstDamage());
        }
    }

    @Test
    void aMissingDirectoryOrOneWithoutASpoolIsRefusedWithAClearMessage() throws Exception {
        SpoolNotReadableException missing = assertThrows(SpoolNotReadableException.class,
                () -> SpoolInspection.open(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());

        Files.writeString(dir.resolve("something.txt"), "not a spool");
        SpoolNotReadableException notASpool = assertThrows(SpoolNotReadableException.class,
                () -> SpoolInspection.open(dir));
        assertTrue(notASpool.getMessage().contains("not a spool directory"), notASpool.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing was created");
        }
    }

    private Map<String, String> fileStates() throws Exception {
        Map<String, String> states = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                FileTime modified = Files.getLastModifiedTime(p);
                states.put(p.getFileName().toString(), Files.size(p) + " bytes, modified " + modified
                        + ", sha " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return states;
    }
}
