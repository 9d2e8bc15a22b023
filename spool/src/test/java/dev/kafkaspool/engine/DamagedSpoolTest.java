package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spool file damaged while no process ran: the next engine ships every event it can read,
 * counts what it cannot as dropped ({@code spoolError}) with a clear message, and keeps going:
 * new events are spooled and shipped as usual.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DamagedSpoolTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    DamagedSpoolTest(KafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Damage inside one record: its value length made huge (it would ask for a 2 GiB array), its
     * key length made huge, one byte of its text changed, or its topic's first byte changed. The
     * checksum finds the last two, which would otherwise be shipped altered.
     */
    @ParameterizedTest
    @CsvSource({"value length, 7F7F7F7F", "key length, 7F7F7F7F", "a byte of the text, 58", "the topic, 00"})
    void aRecordThatCannotBeDecodedIsDroppedWithItsReasonAndTheOthersAreShipped(String what, String hex)
            throws Exception {
        String topic = "damaged-record-" + what.replace(' ', '-');
        broker.createTopic(topic, 1);
        InspectedSpools.leave(dir, topic, 1_000);
        Path file = InspectedSpools.queueFiles(dir).get(0);
        // A record's end: topic, key length (-1, no key), value length, value, checksum.
        long valueAt = InspectedSpools.offsetOfValue(file, 500);
        long at;
        switch (what) {
            case "value length":
                at = valueAt - 4;
                break;
            case "key length":
                at = valueAt - 8;
                break;
            case "a byte of the text":
                at = valueAt + 20;
                break;
            default:
                at = valueAt - 8 - topic.length();
        }
        byte[] damage = java.util.HexFormat.of().parseHex(hex);
        InspectedSpools.overwrite(file, at, damage);
        try (SpoolInspection inspection = SpoolInspection.open(dir)) {
            assertFalse(inspection.verify().clean(), "the spool tool's verify finds the damage");
        }

        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), dir, Durability.DISK).build();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            Await.until(() -> engine.stats().shipped() + engine.stats().droppedTotal() >= 1_000,
                    Duration.ofSeconds(90), () -> "every old event answered: " + engine.stats());
            EngineStats stats = engine.stats();
            assertEquals(999, stats.shipped(), stats.toString());
            assertEquals(1, stats.dropped(DropReason.SPOOL_ERROR), stats.toString());
            assertTrue(stats.diskSpool(), "the disk spool stays in use: " + stats);
            assertTrue(status.messages().stream().anyMatch(m -> m.contains("could not be read") && m.contains(dir
                    .toString())), status.messages().toString());

            TestEvents more = new TestEvents(engine, topic, 10);
            more.submitRange(1_001, 1_100);
            Await.until(() -> engine.stats().shipped() >= 1_099, Duration.ofSeconds(90),
                    () -> "new events flow: " + engine.stats());
            Delivery d = Delivery.of(broker.consume(topic, 1_099, Duration.ofSeconds(60)));
            assertEquals(List.of(500L), d.missing(1, 1_100), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
        }
    }

    @Test
    void aZeroedStretchInAFileIsSetAsideWithEverythingAfterItTheRestIsShippedAndNewEventsStillFlow()
            throws Exception {
        String topic = "damaged-stretch";
        broker.createTopic(topic, 1);
        InspectedSpools.leave(dir, topic, 1_000);
        Path file = InspectedSpools.queueFiles(dir).get(0);
        long from = InspectedSpools.offsetOfValue(file, 700) - 64;
        long to = InspectedSpools.offsetOfValue(file, 800);
        InspectedSpools.overwrite(file, from, new byte[(int) (to - from)]);

        RecordingStatus status = new RecordingStatus();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), dir, Durability.DISK).build();
        try (SpoolEngine engine = TestConfigs.start(config, status)) {
            TestEvents more = new TestEvents(engine, topic, 10);
            more.submitRange(1_001, 1_100);
            Await.until(() -> engine.stats().spoolEvents() == 0, Duration.ofSeconds(90),
                    () -> "the spool empties: " + engine.stats() + " " + status.messages());
            EngineStats stats = engine.stats();
            Delivery d = Delivery.of(broker.consume(topic, (int) stats.shipped(), Duration.ofSeconds(60)));
            List<Long> missing = d.missing(1, 1_100);
            assertTrue(d.missing(1_001, 1_100).isEmpty(), "every new event arrived: " + d);
            // Reading in order cannot pass the zeros, so the events from there to the end of the old
            // spool are lost; each one is counted, and the files are kept aside.
            long firstMissing = missing.isEmpty() ? -1 : missing.get(0);
            assertTrue(firstMissing >= 690 && firstMissing <= 700, "the loss starts at the zeros: " + missing);
            assertEquals(1_000 - firstMissing + 1, missing.size(), "and is one run up to the old end: " + missing);
            assertEquals(missing.size(), stats.dropped(DropReason.SPOOL_ERROR), "each one counted: " + stats);
            assertTrue(d.problems().isEmpty(), d.toString());
            assertTrue(stats.diskSpool(), stats.toString());
            assertTrue(status.messages().stream().anyMatch(m -> m.contains("was damaged") && m.contains("damaged-")),
                    status.messages().toString());
            try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
                Path aside = entries.filter(p -> p.getFileName().toString().startsWith("damaged-")).findFirst()
                        .orElseThrow();
                assertTrue(InspectedSpools.queueFiles(aside).size() >= 1, "the damaged files are kept");
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(aside)), "and only their owner may read them");
            }
        }
    }
}
