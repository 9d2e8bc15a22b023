package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A full spool under {@code dropOldest} while the shipper has records in flight, as against a
 * broker that keeps taking events slowly: the new event is kept and the oldest unread one is
 * dropped, counted as {@code spoolFull}. Only when every record is in flight is the new one dropped.
 */
class FullSpoolWithRecordsInFlightTest {
    private static final int EVENTS = 4;

    @TempDir
    Path dir;

    private final EngineCounters counters = new EngineCounters();
    private final ManualTicker ticker = new ManualTicker();
    private final ProblemReporter problems = new ProblemReporter("test", new RecordingStatus(), counters, ticker);
    private Spool spool;
    private CappedSpool capped;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFullSpoolKeepsTheNewEventAndDropsTheOldestUnreadOne(boolean onDisk) {
        fill(onDisk);
        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r));
        assertTrue(spool.read(r));

        assertTrue(capped.append(1L, Events.event(EVENTS + 1, "e" + (EVENTS + 1))), "the new event is kept");
        assertEquals(1, counters.droppedCount(DropReason.SPOOL_FULL));
        assertEquals(EVENTS, spool.pendingEvents());
        assertEquals(List.of("e4", "e5"), readAll(), "e3, the oldest unread, was dropped");
        spool.rewind();
        assertEquals(List.of("e1", "e2", "e4", "e5"), readAll());
        spool.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theNewEventIsDroppedOnlyWhenEveryRecordIsInFlight(boolean onDisk) {
        fill(onDisk);
        assertEquals(EVENTS, readAll().size());

        assertFalse(capped.append(1L, Events.event(EVENTS + 1, "e" + (EVENTS + 1))));
        assertEquals(1, counters.droppedCount(DropReason.SPOOL_FULL));
        spool.rewind();
        assertEquals(List.of("e1", "e2", "e3", "e4"), readAll());
        spool.close();
    }

    /** A spool capped at the size of {@link #EVENTS} events, holding them. */
    private void fill(boolean onDisk) {
        spool = onDisk ? ChronicleSpool.open(dir, 16L << 20) : new MemorySpool("test");
        long cap = 0;
        for (int i = 1; i <= EVENTS; i++) {
            cap += spool.storedSize(Events.event(i, "e" + i));
        }
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, onDisk ? Durability.DISK : Durability.MEMORY)
                .set(EngineSettings.FULL_POLICY, FullPolicy.DROP_OLDEST).build();
        capped = new CappedSpool(spool, new ParkedTopics(null, cap, problems, ticker), cap, config, counters,
                ticker, problems);
        for (int i = 1; i <= EVENTS; i++) {
            assertTrue(capped.append(1L, Events.event(i, "e" + i)));
        }
        assertEquals(0, counters.droppedCount(DropReason.SPOOL_FULL));
    }

    private List<String> readAll() {
        List<String> values = new ArrayList<>();
        SpoolRecord r = new SpoolRecord();
        while (spool.read(r)) {
            values.add(Events.valueOf(r));
        }
        return values;
    }
}
