package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.inspect.SpoolNotReadableException;
import dev.kafkaspool.inspect.SpoolVerification;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The files of a spool damaged after its process was killed with -9: the metadata file, a queue
 * file in the middle or at the end, the ownership lock. The killed process left four spool files of
 * 100 events each (1-100 in the first file, 301-400 in the last), the first 50 committed as if
 * Kafka had acknowledged them. A new process on the directory ships every event it can read and
 * 100 new ones, counts each event it cannot read as dropped ({@code spoolError}), and where the
 * count cannot be known says so in a warning naming the files; the spool tool's verify reports the
 * damage first.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DamagedSpoolFilesTest {
    private static final int FILES = 4;
    private static final int PER_FILE = 100;
    private static final int COMMITTED = 50;

    private final KafkaBroker broker;

    @TempDir
    Path work;

    DamagedSpoolFilesTest(KafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Each row: the damage, the old events that arrive (ranges), how many are counted as lost, and
     * whether the count is known. With the metadata file lost, the committed position goes with it:
     * events 1-50 are shipped again (here for the first time, the child never reached Kafka).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "metadata zeroed        | 1-400           | 0   | false",
        "metadata random bytes  | 1-400           | 0   | false",
        "metadata emptied       | 1-400           | 0   | false",
        "metadata deleted       | 1-400           | 0   | false",
        "middle file deleted    | 51-100 201-400  | 100 | true",
        "middle file cut        | 51-249 301-400  | 51  | true",
        "middle file emptied    | 51-100 201-400  | 100 | true",
        "last file cut          | 51-349          | 51  | true",
        "last file emptied      | 51-300          | 100 | true",
        "lock deleted           | 51-400          | 0   | true",
        "lock zeroed            | 51-400          | 0   | true"})
    void aNewProcessShipsWhatCanBeReadCountsWhatCannotAndNewEventsFlow(String damage, String arriving, long lost,
                                                                       boolean countKnown) throws Exception {
        String topic = "damaged-files-" + damage.replace(' ', '-');
        broker.createTopic(topic, 1);
        Path dir = work.resolve("spool");
        leaveSpoolOfKilledProcess(dir, topic);
        List<Path> files = InspectedSpools.queueFiles(dir);
        assertEquals(FILES, files.size(), files.toString());
        damage(damage, dir, files);

        boolean metadata = damage.startsWith("metadata");
        boolean lock = damage.startsWith("lock");
        if (metadata) {
            SpoolNotReadableException e = assertThrows(SpoolNotReadableException.class, () -> SpoolInspection.open(dir));
            System.out.println("verify: " + e.getMessage());
            assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("metadata.cq4t"), e.getMessage());
        } else {
            try (SpoolInspection inspection = SpoolInspection.open(dir)) {
                SpoolVerification v = inspection.verify();
                System.out.println("verify: clean=" + v.clean() + " " + v.firstDamage());
                assertEquals(lock, v.clean(), "verify reports damage to spool files only: " + v.firstDamage());
            }
        }

        List<Long> expectedOld = ranges(arriving);
        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), dir, Durability.DISK).build();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            assertTrue(engine.stats().diskSpool(), "the disk spool is in use: " + status.messages());
            TestEvents more = new TestEvents(engine, topic, 10);
            assertEquals(100, more.submitRange(1_001, 1_100));
            long expected = expectedOld.size() + 100;
            Await.until(() -> engine.stats().spoolEvents() == 0 && engine.stats().shipped() >= expected,
                    Duration.ofSeconds(120), () -> "old and new events shipped: " + engine.stats());
            EngineStats stats = engine.stats();
            Delivery d = Delivery.of(broker.consume(topic, (int) expected, Duration.ofSeconds(60)));
            List<Long> arrivedOld = new ArrayList<>(d.numbers());
            arrivedOld.removeIf(n -> n > 1_000);
            System.out.println(damage + ": old events arrived " + arrivedOld.size() + ", counted as spoolError "
                    + stats.dropped(DropReason.SPOOL_ERROR) + ", new events arrived "
                    + (d.numbers().size() - arrivedOld.size()) + "; " + stats);
            assertEquals(List.of(), d.missing(1_001, 1_100), "every new event arrived: " + d);
            assertEquals(expectedOld, arrivedOld, "every readable old event arrived, no other");
            assertTrue(d.problems().isEmpty(), d.toString());
            assertEquals(0, d.duplicates(), d.toString());
            assertEquals(lost, stats.dropped(DropReason.SPOOL_ERROR), "each lost event counted: " + stats);
            assertEquals(lost, stats.droppedTotal(), "and nothing else dropped: " + stats);
            if (!countKnown) {
                assertTrue(status.anyContains("WARN", "cannot be known") && status.anyContains("WARN",
                        files.get(1).getFileName().toString()), "a warning says the count is not known and names "
                        + "the files: " + status.messages());
            } else if (lost > 0) {
                assertTrue(status.anyContains("WARN", " " + (lost - (damage.contains("cut") ? 1 : 0)) + " event(s)")
                        && status.anyContains("WARN", "counted as dropped (spoolError)"), status.messages().toString());
            } else {
                assertFalse(status.messages().stream().anyMatch(m -> m.startsWith("WARN")), status.messages().toString());
            }
        }
        for (Path aside : setAside(dir)) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(aside)), "a set-aside directory is owner-only: " + aside);
        }
    }

    private void leaveSpoolOfKilledProcess(Path dir, String topic) throws Exception {
        Path stderr = work.resolve("child.err");
        try (ChildApplication child = ChildApplication.startMain(ChildApplication.chronicleFlags(),
                RollingSpoolApplication.class, List.of(dir.toString(), topic, Integer.toString(FILES),
                        Integer.toString(PER_FILE), Integer.toString(COMMITTED)), stderr)) {
            String done = "spooled " + (FILES * PER_FILE - COMMITTED);
            Await.until(() -> child.printed(done) || !child.isAlive(), Duration.ofSeconds(120),
                    () -> "the child spooled: " + child.lines());
            assertTrue(child.printed(done), child.lines() + " " + Files.readString(stderr));
            child.kill();
        }
    }

    private static void damage(String damage, Path dir, List<Path> files) throws Exception {
        Path metadata = dir.resolve(SpoolInspection.METADATA_FILE);
        Path lock = dir.resolve(SpoolDirectory.LOCK_FILE);
        switch (damage) {
            case "metadata zeroed":
                InspectedSpools.overwrite(metadata, 0, new byte[(int) Files.size(metadata)]);
                break;
            case "metadata random bytes": {
                byte[] noise = new byte[(int) Files.size(metadata)];
                new Random(17).nextBytes(noise);
                InspectedSpools.overwrite(metadata, 0, noise);
                break;
            }
            case "metadata emptied":
                cut(metadata, 0);
                break;
            case "metadata deleted":
                Files.delete(metadata);
                break;
            case "middle file deleted":
                Files.delete(files.get(1));
                break;
            case "middle file cut":
                // In half: at the start of the value of the file's middle event.
                cut(files.get(2), InspectedSpools.offsetOfValue(files.get(2), 250));
                break;
            case "middle file emptied":
                cut(files.get(1), 0);
                break;
            case "last file cut":
                cut(files.get(3), InspectedSpools.offsetOfValue(files.get(3), 350));
                break;
            case "last file emptied":
                cut(files.get(3), 0);
                break;
            case "lock deleted":
                Files.delete(lock);
                break;
            case "lock zeroed":
                InspectedSpools.overwrite(lock, 0, new byte[64]);
                break;
            default:
                throw new IllegalArgumentException(damage);
        }
    }

    private static void cut(Path file, long length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /** "51-100 201-400" as the list of numbers. */
    private static List<Long> ranges(String text) {
        List<Long> numbers = new ArrayList<>();
        for (String range : text.trim().split("\\s+")) {
            String[] ends = range.split("-");
            LongStream.rangeClosed(Long.parseLong(ends[0]), Long.parseLong(ends[1])).forEach(numbers::add);
        }
        return numbers;
    }

    private static List<Path> setAside(Path dir) throws Exception {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("damaged-")).toList();
        }
    }
}
