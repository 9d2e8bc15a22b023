package dev.kafkaspool.engine;

import java.util.Map;

/**
 * A snapshot of the engine's counters and gauges. Every accepted event is shipped, dropped (by
 * reason) or still pending: in memory, in flight, or in the spool.
 */
public final class EngineStats {
    private final EngineState state;
    private final long accepted;
    private final long shipped;
    private final long spooled;
    private final long drained;
    private final Map<DropReason, Long> dropped;
    private final long spoolBytes;
    private final long spoolRecords;
    private final long oldestUnshippedAgeMillis;
    private final boolean diskSpool;

    EngineStats(EngineState state, EngineCounters c, long spoolBytes, long spoolRecords,
                long oldestUnshippedAgeMillis, boolean diskSpool) {
        this.state = state;
        this.accepted = c.accepted();
        this.shipped = c.shipped();
        this.spooled = c.spooled();
        this.drained = c.drained();
        this.dropped = Map.copyOf(c.droppedByReason());
        this.spoolBytes = spoolBytes;
        this.spoolRecords = spoolRecords;
        this.oldestUnshippedAgeMillis = oldestUnshippedAgeMillis;
        this.diskSpool = diskSpool;
    }

    public EngineState state() {
        return state;
    }

    /** Events handed to the engine. */
    public long accepted() {
        return accepted;
    }

    /** Events Kafka acknowledged (each counted once, even if Kafka received it twice). */
    public long shipped() {
        return shipped;
    }

    /** Events written to the spool. */
    public long spooled() {
        return spooled;
    }

    /** Events Kafka acknowledged that came from the spool; part of {@link #shipped()}. */
    public long drained() {
        return drained;
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason);
    }

    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<DropReason, Long> droppedByReason() {
        return dropped;
    }

    /** Bytes of unshipped events in the spool. */
    public long spoolBytes() {
        return spoolBytes;
    }

    /** Unshipped events in the spool. */
    public long spoolRecords() {
        return spoolRecords;
    }

    /** Age of the oldest event in the spool, or 0 when it is empty. */
    public long oldestUnshippedAgeMillis() {
        return oldestUnshippedAgeMillis;
    }

    /** False when the engine fell back to a memory spool (see the status messages for why). */
    public boolean diskSpool() {
        return diskSpool;
    }

    @Override
    public String toString() {
        return "state=" + state + " accepted=" + accepted + " shipped=" + shipped + " spooled=" + spooled
                + " drained=" + drained + " dropped=" + dropped + " spoolRecords=" + spoolRecords
                + " spoolBytes=" + spoolBytes + " oldestUnshippedAgeMillis=" + oldestUnshippedAgeMillis;
    }
}
