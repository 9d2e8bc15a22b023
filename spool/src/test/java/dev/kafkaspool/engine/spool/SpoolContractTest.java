package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Spool} must do; one short subclass per implementation. */
public abstract class SpoolContractTest {
    protected Spool spool;

    protected abstract Spool open();

    @BeforeEach
    void openSpool() {
        spool = open();
    }

    @AfterEach
    void closeSpool() {
        spool.close();
    }

    @Test
    void readsRecordsInAppendOrderWithAllTheirFields() {
        byte[] key = {1, 2, 3};
        spool.append(42L, Events.event(1, "first").key(key, 3).level(LogLevel.ERROR));
        spool.append(42L, Events.event(2, "second"));

        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r));
        assertEquals("first", Events.valueOf(r));
        assertEquals(42L, r.instanceId);
        assertEquals(1L, r.sequence);
        assertEquals(1_000_001L, r.timestampMillis);
        assertEquals(LogLevel.ERROR, r.level);
        assertEquals(Events.TOPIC, r.topic);
        assertEquals(3, r.key.length);
        assertTrue(spool.read(r));
        assertEquals("second", Events.valueOf(r));
        assertNull(r.key);
        assertFalse(spool.read(r));
    }

    @Test
    void countsPendingBytesAndRecordsUntilCommitted() {
        EncodedEvent e = Events.event(1, "abc");
        int size = spool.storedSize(e);
        spool.append(1L, e);
        spool.append(1L, Events.event(2, "abc"));
        assertEquals(2, spool.pendingEvents());
        assertEquals(2L * size, spool.pendingBytes());

        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        assertEquals(2, spool.pendingEvents(), "reading alone frees nothing");
        spool.commit(r.position);
        assertEquals(1, spool.pendingEvents());
        assertEquals(size, spool.pendingBytes());
    }

    @Test
    void rewindReturnsToTheFirstRecordNotCommitted() {
        for (int i = 1; i <= 4; i++) {
            spool.append(1L, Events.event(i, "e" + i));
        }
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.commit(r.position);
        spool.read(r);
        spool.read(r);
        spool.rewind();

        assertEquals(List.of("e2", "e3", "e4"), readAll());
    }

    @Test
    void aBatchReadReadsWhatSingleReadsWouldAndItsRecordsAreInFlight() {
        appendRange(1, 6);
        SpoolRecord[] batch = newBatch(3);
        assertEquals(3, spool.read(batch));
        assertEquals(List.of("e1", "e2", "e3"), valuesOf(batch, 3));
        assertEquals(spool.storedSize(Events.event(4, "e4")), spool.dropOldest(), "the oldest unread one goes");
        spool.commit(batch[0].position);
        assertEquals(2, spool.read(batch), "the rest, fewer than asked for");
        assertEquals(List.of("e5", "e6"), valuesOf(batch, 2));
        assertEquals(0, spool.read(batch), "nothing more now");

        spool.rewind();
        assertEquals(List.of("e2", "e3", "e5", "e6"), readAll(), "a rewind reads again what was not committed");
        assertEquals(4, spool.pendingEvents());
    }

    @Test
    void dropOldestRemovesUnreadRecordsInOrder() {
        for (int i = 1; i <= 3; i++) {
            spool.append(1L, Events.event(i, "e" + i));
        }
        assertTrue(spool.dropOldest() > 0);
        assertEquals(2, spool.pendingEvents());
        assertEquals(List.of("e2", "e3"), readAll());
    }

    @Test
    void dropOldestNeverDropsARecordBeingSent() {
        spool.append(1L, Events.event(1, "e1"));
        spool.append(1L, Events.event(2, "e2"));
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.read(r);

        assertEquals(0, spool.dropOldest());
        assertEquals(2, spool.pendingEvents());
    }

    @Test
    void withRecordsInFlightDropOldestDropsTheOldestUnreadOne() {
        appendRange(1, 4);
        long before = spool.pendingBytes();
        SpoolRecord r = new SpoolRecord();
        spool.read(r);

        assertEquals(spool.storedSize(Events.event(2, "e2")), spool.dropOldest());
        assertEquals(3, spool.pendingEvents());
        assertEquals(before - spool.storedSize(Events.event(2, "e2")), spool.pendingBytes());
        assertEquals(List.of("e3", "e4"), readAll());
    }

    @Test
    void aDroppedRecordIsNotReadAgainAfterARewind() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        long first = r.position;
        spool.read(r);
        assertTrue(spool.dropOldest() > 0);
        spool.commit(first);
        spool.rewind();

        assertEquals(List.of("e2", "e4", "e5"), readAll());
        spool.rewind();
        assertEquals(List.of("e2", "e4", "e5"), readAll(), "a second rewind too");
        assertEquals(3, spool.pendingEvents());
    }

    @Test
    void severalDropsTakeTheOldestUnreadRecordsInOrder() {
        appendRange(1, 8);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        for (int i = 0; i < 3; i++) {
            assertTrue(spool.dropOldest() > 0);
        }
        assertTrue(spool.read(r));
        assertEquals("e5", Events.valueOf(r));
        assertTrue(spool.dropOldest() > 0);
        spool.rewind();
        assertTrue(spool.read(r));
        assertTrue(spool.dropOldest() > 0);

        assertEquals(List.of("e7", "e8"), readAll());
        spool.rewind();
        assertEquals(List.of("e1", "e7", "e8"), readAll(), "e2-e4 and e6 dropped, then e5");
        assertEquals(3, spool.pendingEvents());
    }

    @Test
    void aCommitPastDroppedRecordsLeavesOnlyTheRecordsAfterIt() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.dropOldest();
        spool.read(r);
        spool.dropOldest();
        spool.read(r);
        assertEquals("e5", Events.valueOf(r));
        spool.commit(r.position);

        assertEquals(0, spool.pendingEvents());
        assertEquals(0, spool.pendingBytes());
        spool.rewind();
        assertEquals(List.of(), readAll());
    }

    /**
     * Records dropped right after the last one read, the commit of that one passes them: the
     * reader, still before them, must not read them (they were counted as dropped and would be
     * shipped all the same).
     */
    @Test
    void recordsDroppedRightAfterTheLastOneReadAreNotReadOnceItIsCommitted() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        assertTrue(spool.dropOldest() > 0);
        assertTrue(spool.dropOldest() > 0);
        spool.commit(r.position);

        assertEquals(List.of("e4", "e5"), readAll());
        assertEquals(2, spool.pendingEvents());
        spool.rewind();
        assertEquals(List.of("e4", "e5"), readAll(), "after a rewind too");
    }

    @Test
    void aDropWithNothingInFlightTakesTheOldestRecordNotCommittedNorDropped() {
        appendRange(1, 5);
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.dropOldest();
        spool.rewind();
        assertEquals(1_000_001L, spool.oldestTimestampMillis());

        assertEquals(spool.storedSize(Events.event(1, "e1")), spool.dropOldest());
        assertEquals(1_000_003L, spool.oldestTimestampMillis(), "e2 was dropped before");
        assertEquals(spool.storedSize(Events.event(3, "e3")), spool.dropOldest());
        assertEquals(2, spool.pendingEvents());
        assertEquals(List.of("e4", "e5"), readAll());
    }

    @Test
    void reportsTheOldestPendingTimestamp() {
        assertEquals(-1, spool.oldestTimestampMillis());
        spool.append(1L, Events.event(5, "x"));
        spool.append(1L, Events.event(9, "y"));
        assertEquals(1_000_005L, spool.oldestTimestampMillis());
        SpoolRecord r = new SpoolRecord();
        spool.read(r);
        spool.commit(r.position);
        assertEquals(1_000_009L, spool.oldestTimestampMillis());
    }

    protected void appendRange(int from, int to) {
        for (int i = from; i <= to; i++) {
            spool.append(1L, Events.event(i, "e" + i));
        }
    }

    protected static SpoolRecord[] newBatch(int size) {
        SpoolRecord[] batch = new SpoolRecord[size];
        for (int i = 0; i < size; i++) {
            batch[i] = new SpoolRecord();
        }
        return batch;
    }

    protected static List<String> valuesOf(SpoolRecord[] batch, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(Events.valueOf(batch[i]));
        }
        return values;
    }

    protected List<String> readAll() {
        List<String> values = new ArrayList<>();
        SpoolRecord r = new SpoolRecord();
        while (spool.read(r)) {
            values.add(Events.valueOf(r));
        }
        return values;
    }
}
