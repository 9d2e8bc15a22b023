package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.spool.MemorySpool;
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
    private static final int EVENTS = FullSpool.EVENTS;

    @TempDir
    Path dir;

    private Spool spool;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFullSpoolKeepsTheNewEventAndDropsTheOldestUnreadOne(boolean onDisk) {
        FullSpool full = fill(onDisk);
        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r));
        assertTrue(spool.read(r));

        assertTrue(full.capped.append(1L, FullSpool.next()), "the new event is kept");
        assertEquals(1, full.spoolFullDrops());
        assertEquals(EVENTS, spool.pendingEvents());
        assertEquals(List.of("e4", "e5"), readAll(), "e3, the oldest unread, was dropped");
        spool.rewind();
        assertEquals(List.of("e1", "e2", "e4", "e5"), readAll());
        spool.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theNewEventIsDroppedOnlyWhenEveryRecordIsInFlight(boolean onDisk) {
        FullSpool full = fill(onDisk);
        assertEquals(EVENTS, readAll().size());

        assertFalse(full.capped.append(1L, FullSpool.next()));
        assertEquals(1, full.spoolFullDrops());
        spool.rewind();
        assertEquals(List.of("e1", "e2", "e3", "e4"), readAll());
        spool.close();
    }

    private FullSpool fill(boolean onDisk) {
        spool = onDisk ? ChronicleSpool.open(dir, 16L << 20) : new MemorySpool("test");
        return new FullSpool(spool, dir, onDisk ? Durability.DISK : Durability.MEMORY);
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
