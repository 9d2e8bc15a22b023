package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.inspect.SpoolVerification;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spools of other versions: one written in record format 2 and kept in the repository reads back
 * exactly, in this and every later version; one of a newer format is left alone.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpoolFormatTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    SpoolFormatTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aFormatTwoSpoolReadsBackEventForEvent() throws Exception {
        Path spoolDir = copyOfFixture(dir);
        int pending = SpoolFormatFixture.EVENTS.size() - SpoolFormatFixture.COMMITTED;
        try (SpoolInspection inspection = SpoolInspection.open(spoolDir)) {
            // Written before the spool kept a count of its unshipped events: nothing to compare with.
            SpoolVerification v = inspection.verify();
            assertTrue(v.clean() && v.records() == pending, v.records() + " " + v.firstDamage());
        }
        ChronicleSpool spool = ChronicleSpool.open(spoolDir, 1L << 20);
        assertNull(spool.openingDamage(), "no count kept is no damage");
        try {
            int waiting = SpoolFormatFixture.EVENTS.size() - SpoolFormatFixture.COMMITTED;
            assertEquals(waiting, spool.pendingEvents(), "the committed events stay shipped");
            SpoolRecord r = new SpoolRecord();
            for (Object[] e : SpoolFormatFixture.EVENTS.subList(SpoolFormatFixture.COMMITTED,
                    SpoolFormatFixture.EVENTS.size())) {
                assertEquals(true, spool.read(r), "event " + e[0]);
                assertNull(r.damage, r.damage);
                assertEquals(SpoolFormatFixture.INSTANCE_ID, r.instanceId);
                assertEquals(e[0], r.sequence);
                assertEquals(e[1], r.timestampMillis);
                assertEquals(e[2], r.level);
                assertEquals(e[3], r.topic);
                if (e[4] == null) {
                    assertNull(r.key, "event " + e[0] + " has no key");
                } else {
                    assertArrayEquals(((String) e[4]).getBytes(StandardCharsets.UTF_8), r.key, "event " + e[0]);
                }
                assertEquals(e[5], new String(r.value, StandardCharsets.UTF_8));
            }
            assertFalse(spool.read(r), "nothing after the last event");
        } finally {
            spool.close();
        }
    }

    /**
     * A spool whose records carry a format version newer than this one reads (as a newer
     * kafka-spool would leave it for an older one after a rollback): it is not used and not
     * changed, its events are neither shipped nor dropped, the message says so, and new events are
     * shipped through the memory spool.
     */
    @Test
    void aSpoolOfANewerFormatIsLeftAsItIsAndTheApplicationRunsOn() throws Exception {
        String topic = "newer-format";
        broker.createTopic(topic, 1);
        Path spoolDir = leaveNewerFormatSpool(topic);
        Path file = InspectedSpools.queueFiles(spoolDir).get(0);
        byte[] before = Files.readAllBytes(file);

        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK).build();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            assertFalse(engine.stats().diskSpool(), "the newer spool is not used: " + status.messages());
            assertTrue(status.anyContains("WARN", "the spool in " + spoolDir.toAbsolutePath()
                    + " was written by a newer version of kafka-spool: 20 of its 20 unshipped event(s) are in record "
                    + "format version 3"), status.messages().toString());
            assertTrue(status.anyContains("WARN", "the spool is left as it is"), status.messages().toString());
            new TestEvents(engine, topic, 10).submitRange(21, 30);
            EngineAwait.shipped(engine, 10);
            EngineStats stats = engine.stats();
            assertEquals(10, stats.accepted(), stats.toString());
            assertEquals(0, stats.droppedTotal(), "the newer spool's events are not counted as dropped: " + stats);
        }
        Delivery d = Delivery.of(broker.consumeAll(topic, Duration.ofSeconds(60)));
        assertEquals(List.of(), d.missing(21, 30), d.toString());
        assertEquals(10, d.numbers().size(), "none of the newer spool's events was shipped: " + d);
        assertEquals(List.of(file), InspectedSpools.queueFiles(spoolDir), "the spool file is kept");
        assertArrayEquals(before, Files.readAllBytes(file), "the spool file is unchanged");
    }

    /**
     * Opened in a later roll cycle than its file's, the refused spool gains no file of the current
     * cycle: opening creates that file ahead of the first write only once it accepted the spool.
     */
    @Test
    void aSpoolOfANewerFormatOpenedInALaterRollCycleGainsNoFile() throws Exception {
        Path spoolDir = leaveNewerFormatSpool("newer-format-later");
        Path file = InspectedSpools.queueFiles(spoolDir).get(0);
        byte[] before = Files.readAllBytes(file);
        long later = System.currentTimeMillis() + 3 * ChronicleSpool.ROLL_CYCLE.lengthInMillis();
        SpoolException e = assertThrows(SpoolException.class,
                () -> ChronicleSpool.open(spoolDir, 1L << 20, () -> later, DiskSpace.of(spoolDir)).close());
        assertTrue(e.getMessage().contains("the spool is left as it is"), e.getMessage());
        assertEquals(List.of(file), InspectedSpools.queueFiles(spoolDir), "no file of the later cycle");
        assertArrayEquals(before, Files.readAllBytes(file), "the spool file is unchanged");
    }

    /**
     * A spool directory in which 20 events were left in one file, each then marked with the next
     * format version.
     */
    private Path leaveNewerFormatSpool(String topic) throws IOException {
        Path spoolDir = null;
        List<Path> files = List.of();
        for (int attempt = 0; attempt < 3 && files.size() != 1; attempt++) {
            // Left across a roll cycle's boundary, the events are in two files: the search below wants one.
            spoolDir = dir.resolve("spool-" + attempt);
            InspectedSpools.leave(spoolDir, topic, 20);
            files = InspectedSpools.queueFiles(spoolDir);
        }
        assertEquals(1, files.size(), "the events were left in one file: " + files);
        Path file = files.get(0);
        for (int n = 1; n <= 20; n++) {
            // The record's start: its value, less the value and key lengths, the topic, its length,
            // the level, the timestamp, the sequence, the instance id and the version byte.
            long start = InspectedSpools.offsetOfValue(file, n) - 4 - 4 - topic.length() - 2 - 1 - 8 - 8 - 8 - 1;
            assertEquals(SpoolRecordCodec.VERSION, versionAt(file, start), "event " + n + " starts at " + start);
            InspectedSpools.overwrite(file, start, new byte[] {SpoolRecordCodec.VERSION + 1});
        }
        return spoolDir;
    }

    private static byte versionAt(Path file, long offset) throws IOException {
        return Files.readAllBytes(file)[(int) offset];
    }

    /** A copy of the kept spool, so that opening it changes nothing in the repository. */
    static Path copyOfFixture(Path into) throws IOException, URISyntaxException {
        Path source = Path.of(SpoolFormatTest.class.getResource(SpoolFormatFixture.RESOURCE).toURI());
        Path target = Files.createDirectories(into.resolve("v2"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }
}
