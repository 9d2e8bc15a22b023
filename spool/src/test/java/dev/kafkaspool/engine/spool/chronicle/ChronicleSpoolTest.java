package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.ChildApplication;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolContractTest;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.testbroker.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class ChronicleSpoolTest extends SpoolContractTest {
    @TempDir
    Path dir;

    @Override
    protected Spool open() {
        return ChronicleSpool.open(dir, 16L << 20);
    }

    @Test
    void aReopenedSpoolResumesAfterTheLastCommittedRecord() {
        for (int i = 1; i <= 5; i++) {
            spool.append(1L, Events.event(i, "e" + i));
        }
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.read(r);
        spool.commit(r.position);
        spool.read(r);
        spool.close();

        spool = open();
        assertEquals(3, spool.pendingEvents());
        assertEquals(List.of("e3", "e4", "e5"), readAll());
    }

    @Test
    void dropsSurviveAReopen() {
        for (int i = 1; i <= 3; i++) {
            spool.append(1L, Events.event(i, "e" + i));
        }
        spool.dropOldest();
        spool.close();

        spool = open();
        assertEquals(List.of("e2", "e3"), readAll());
    }

    @Test
    void recordsDroppedBeyondTheCommittedPositionComeBackAfterAReopenAndAreCountedSo() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.commit(r.position);
        spool.read(r);
        spool.dropOldest();
        spool.dropOldest();
        assertEquals(2, spool.pendingEvents());
        spool.close();

        assertEquals(4, ledgerCount(), "the ledger counts e2 to e5: the committed position is at e1");
        spool = open();
        ChronicleSpool reopened = (ChronicleSpool) spool;
        assertEquals(4, spool.pendingEvents());
        assertEquals(0, reopened.openingLost());
        assertEquals(null, reopened.openingDamage());
        assertEquals(List.of("e2", "e3", "e4", "e5"), readAll());
    }

    @Test
    void droppedRecordsTheCommittedPositionPassedStayDroppedAfterAReopen() {
        appendRange(1, 7);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.dropOldest();
        spool.read(r);
        long third = r.position;
        spool.dropOldest();
        spool.read(r);
        assertEquals("e5", Events.valueOf(r));
        spool.commit(third);
        spool.dropOldest();
        assertEquals(2, spool.pendingEvents(), "e5 and e7: e1 and e3 shipped, e2, e4 and e6 dropped");
        spool.close();

        assertEquals(3, ledgerCount(), "the committed position passed e2 and e4, not e6");
        spool = open();
        assertEquals(3, spool.pendingEvents());
        assertEquals(List.of("e5", "e6", "e7"), readAll());
    }

    @Test
    void aCommitJustBeforeADroppedRangeMovesPastItDurably() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.dropOldest();
        spool.dropOldest();
        spool.commit(r.position);
        assertEquals(2, spool.pendingEvents());
        spool.close();

        assertEquals(2, ledgerCount());
        spool = open();
        assertEquals(2, spool.pendingEvents());
        assertEquals(List.of("e4", "e5"), readAll());
    }

    /**
     * The first write after opening must not create the roll cycle's file on a logging thread
     * (tens of milliseconds in a fresh JVM): opening creates it, and a spool opened and closed
     * without a write opens again with nothing pending and no damage.
     */
    @Test
    void openingCreatesTheFileTheFirstRecordGoesTo() throws Exception {
        List<String> files = spoolFiles();
        assertEquals(1, files.size(), "the current roll cycle's file, before any write: " + files);
        spool.close();

        spool = open();
        ChronicleSpool reopened = (ChronicleSpool) spool;
        assertEquals(0, spool.pendingEvents());
        assertEquals(null, reopened.openingDamage());
        spool.append(1L, Events.event(1, "e1"));
        spool.close();
        spool = open();
        assertEquals(List.of("e1"), readAll());
    }

    private List<String> spoolFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(QueueFiles.SUFFIX))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The unshipped events the ledger of the closed spool in {@link #dir} counts. */
    private long ledgerCount() {
        try (QueueFiles queue = QueueFiles.openReadOnly(dir); SpoolLedger ledger = SpoolLedger.of(queue)) {
            return ledger.pending();
        }
    }

    /**
     * In a JVM with only the flags Chronicle needs, none of its system properties, and a home
     * directory of its own: the library sets the system properties that turn Chronicle's banner, usage
     * analytics and disk monitor off, and nothing is written to the home directory.
     */
    @Test
    void turnsChronicleAnalyticsOffWithoutAnySystemProperty() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        List<String> flags = new ArrayList<>(ChronicleDefaults.REQUIRED_JVM_FLAGS);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        flags.add("-Duser.home=" + home);
        flags.add("-Djava.io.tmpdir=" + tmp);
        try (ChildApplication child = ChildApplication.start(flags, "127.0.0.1:1", dir.resolve("child-spool"),
                Durability.DISK, "analytics", 10, true, dir.resolve("child.err"))) {
            Await.until(() -> child.printed("spooled 10") || !child.isAlive(), Duration.ofSeconds(60),
                    () -> "the child spools its events");
            assertTrue(child.printed("diskSpool true"), child.lines() + " " + Files.readString(dir.resolve("child.err")));
            assertTrue(child.printed("spooled 10"), child.lines() + " " + Files.readString(dir.resolve("child.err")));
            for (String name : List.of("chronicle.analytics.disable", "chronicle.announcer.disable",
                    "chronicle.disk.monitor.disable")) {
                assertTrue(child.printed("property " + name + "=true"), name + ": " + child.lines());
            }
            assertTrue(child.printed("property jna.tmpdir=" + tmp), child.lines().toString());
            assertEquals(0, child.stop(), "the child stops cleanly");
        }
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(), files.collect(Collectors.toList()), "nothing written to the home directory");
        }
    }
}
