package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per spool directory, owner-only permissions, and a clear message otherwise. */
class SpoolOwnershipTest {
    /** Nothing listens here; these tests never reach Kafka. */
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void aSecondEngineOnTheSameDirectoryIsToldItIsInUseAndKeepsEventsInMemory() {
        SpoolConfig config = TestConfigs.config(NO_BROKER, dir.resolve("spool"), Durability.MEMORY).build();
        RecordingStatus secondStatus = new RecordingStatus();
        try (SpoolEngine first = TestConfigs.start(config, new RecordingStatus());
             SpoolEngine second = TestConfigs.start(config, secondStatus)) {
            assertTrue(first.stats().diskSpool());
            assertFalse(second.stats().diskSpool());
            assertTrue(secondStatus.anyContains("WARN", "is in use by another appender or process"),
                    secondStatus.messages().toString());
            assertTrue(second.submit(Events.event(second.nextSequence(), "kept in memory")));
        }
    }

    @Test
    void theDirectoryIsCreatedOwnerOnlyAndReleasedOnStop() throws Exception {
        Path spool = dir.resolve("new-spool");
        SpoolConfig config = TestConfigs.config(NO_BROKER, spool, Durability.DISK).build();
        SpoolEngine engine = TestConfigs.start(config, new RecordingStatus());
        assertTrue(engine.stop(Duration.ofSeconds(5)));
        assertTrue(Files.getPosixFilePermissions(spool).equals(PosixFilePermissions.fromString("rwx------")));

        try (SpoolEngine again = TestConfigs.start(config, new RecordingStatus())) {
            assertTrue(again.stats().diskSpool(), "the lock was released");
        }
    }

    @Test
    void aWorldWritableDirectoryIsRefused() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(NO_BROKER, open, Durability.DISK).build(),
                status)) {
            assertFalse(engine.stats().diskSpool());
            assertTrue(status.anyContains("ERROR", "writable by every user"), status.messages().toString());
        }
    }
}
