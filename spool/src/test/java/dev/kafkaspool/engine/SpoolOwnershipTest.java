package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.inspect.SpoolInspection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One owner per spool directory, owner-only permissions also on shared mounts, and a clear message otherwise. */
@Tag("process")
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

    /** Each directory the engine creates, parents included, is owner-only; so is each file in the spool. */
    @Test
    void everyDirectoryTheEngineCreatesAndEveryFileInItIsOwnerOnly() throws Exception {
        Path spool = dir.resolve("parent").resolve("child").resolve("spool");
        SpoolConfig config = TestConfigs.config(NO_BROKER, spool, Durability.DISK).build();
        try (SpoolEngine engine = TestConfigs.start(config, new RecordingStatus())) {
            assertTrue(engine.submit(Events.event(engine.nextSequence(), "spooled")));
        }
        for (Path d : List.of(dir.resolve("parent"), dir.resolve("parent").resolve("child"), spool)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        for (String name : listing(spool)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve(name))),
                    name);
        }
    }

    /**
     * Made as the kubelet makes an {@code emptyDir} (0777; with {@code fsGroup} the setgid bit and the
     * group), as {@code /tmp} is (1777), and a group-writable volume (0775).
     */
    @ParameterizedTest
    @ValueSource(strings = {"0777", "1777", "2777", "0775"})
    void aSharedMountKeepsTheSpoolInAnOwnerOnlyDirectoryInsideIt(String mode) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mount-" + mode));
        chmod(mode, mount);
        SpoolConfig config = TestConfigs.config(NO_BROKER, mount, Durability.DISK).build();
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            assertTrue(engine.stats().diskSpool(), status.messages().toString());
            assertTrue(engine.submit(Events.event(engine.nextSequence(), "on the shared mount")));
            assertTrue(status.anyContains("INFO", mount.resolve(SpoolDirectory.SHARED_MOUNT_DIR).toString()),
                    status.messages().toString());
        }
        Path inner = mount.resolve(SpoolDirectory.SHARED_MOUNT_DIR);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(inner)));
        assertTrue(Files.isRegularFile(inner.resolve(SpoolInspection.METADATA_FILE)));
        assertFalse(Files.exists(mount.resolve(SpoolInspection.METADATA_FILE)), "nothing of the spool in the mount");
        try (SpoolInspection inspection = SpoolInspection.open(mount)) {
            assertEquals(1, inspection.summary().pendingEvents(), "the spool tool finds it from the spoolDir");
        }
        try (SpoolEngine again = TestConfigs.start(config, new RecordingStatus())) {
            assertEquals(1, again.stats().spoolEvents(), "the next process finds the spool");
        }
    }

    @Test
    void aLinkPlantedInASharedMountIsRefused() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mount"));
        chmod("0777", mount);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(mount.resolve(SpoolDirectory.SHARED_MOUNT_DIR), elsewhere);
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(NO_BROKER, mount, Durability.DISK).build(),
                status)) {
            assertFalse(engine.stats().diskSpool());
            assertTrue(status.anyContains("WARN", "is not a directory but a link"), status.messages().toString());
            assertTrue(engine.submit(Events.event(engine.nextSequence(), "kept in memory")));
        }
        assertEquals(List.of(), listing(elsewhere), "nothing was written through the link");
    }

    @Test
    void aDirectoryOfAnotherUserInASharedMountIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory to another user");
        Path mount = Files.createDirectory(dir.resolve("mount"));
        chmod("0777", mount);
        Path planted = Files.createDirectory(mount.resolve(SpoolDirectory.SHARED_MOUNT_DIR));
        run("chown", "4242", planted.toString());
        RecordingStatus status = new RecordingStatus();
        try (SpoolEngine engine = TestConfigs.start(TestConfigs.config(NO_BROKER, mount, Durability.DISK).build(),
                status)) {
            assertFalse(engine.stats().diskSpool());
            assertTrue(status.anyContains("WARN", "belongs to user 4242"), status.messages().toString());
        }
    }

    /** Sets the mode with chmod, which, unlike Java, sets the sticky and setgid bits too. */
    private static void chmod(String mode, Path path) throws Exception {
        run("chmod", mode, path.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    private static List<String> listing(Path dir) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toList());
        }
    }
}
