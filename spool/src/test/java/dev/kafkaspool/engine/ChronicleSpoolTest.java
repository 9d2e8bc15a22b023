package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(3, spool.pendingRecords());
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
    void leavesNoChronicleFilesOutsideTheSpoolDirectory() throws Exception {
        spool.append(1L, Events.event(1, "x"));
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), ".chronicle.analytics.client.id"))
                        && Files.getLastModifiedTime(Path.of(System.getProperty("user.home"),
                        ".chronicle.analytics.client.id")).toMillis() > ProcessHandle.current().info()
                        .startInstant().map(i -> i.toEpochMilli()).orElse(Long.MAX_VALUE),
                "Chronicle analytics must stay off");
    }
}
