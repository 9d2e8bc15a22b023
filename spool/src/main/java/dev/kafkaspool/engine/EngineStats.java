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
    private final long spoolSyncs;
    private final long restamped;
    private final Map<DropReason, Long> dropped;
    private final long spoolBytes;
    private final long spoolEvents;
    private final long oldestUnshippedAgeMillis;
    private final boolean diskSpool;
    private final long sendLatencyNanos;
    private final String problem;

    EngineStats(EngineState state, EngineCounters c, long spoolBytes, long spoolEvents,
                long oldestUnshippedAgeMillis, boolean diskSpool, String problem) {
        this.state = state;
        this.accepted = c.accepted();
        this.shipped = c.shipped();
        this.spooled = c.spooled();
        this.drained = c.drained();
        this.spoolSyncs = c.spoolSyncs();
        this.restamped = c.restamped();
        this.dropped = Map.copyOf(c.droppedByReason());
        this.spoolBytes = spoolBytes;
        this.spoolEvents = spoolEvents;
        this.oldestUnshippedAgeMillis = oldestUnshippedAgeMillis;
        this.diskSpool = diskSpool;
        this.sendLatencyNanos = c.sendLatencyNanos();
        this.problem = problem;
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

    /** Times the disk spool forced what it had written to the disk (see the setting {@code syncInterval}). */
    public long spoolSyncs() {
        return spoolSyncs;
    }

    /**
     * Shipped events whose record timestamp is the send time, not the event's time, because Kafka
     * refused the event's time (outside the topic's {@code message.timestamp.before.max.ms} or
     * {@code after.max.ms}); part of {@link #shipped()}. The event's time stays in the record's value.
     */
    public long restamped() {
        return restamped;
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
    public long spoolEvents() {
        return spoolEvents;
    }

    /** Age of the oldest event in the spool, or 0 when it is empty. */
    public long oldestUnshippedAgeMillis() {
        return oldestUnshippedAgeMillis;
    }

    /** False when the engine fell back to a memory spool (see the status messages for why). */
    public boolean diskSpool() {
        return diskSpool;
    }

    /** The sum of the send-to-acknowledgement times of all shipped events; with {@link #shipped()}, the mean. */
    public long sendLatencyTotalNanos() {
        return sendLatencyNanos;
    }

    /**
     * Why the engine keeps less than its configuration promises right now, or null when nothing is
     * wrong beyond what {@link #state()} says: the disk spool is not available or takes no writes
     * (events wait in memory), or events were dropped in the last minute.
     */
    public String problem() {
        return problem;
    }

    /**
     * The health in one word, with the cause when there is a problem: {@code starting},
     * {@code shipping}, {@code spooling}, {@code draining}, {@code stopped}, or
     * {@code degraded: <cause>} (see {@link #problem()}).
     */
    public String health() {
        return problem != null && state != EngineState.STOPPED ? "degraded: " + problem : state.toString();
    }

    @Override
    public String toString() {
        return "state=" + state + (problem != null ? " problem=" + problem : "") + " accepted=" + accepted + " shipped=" + shipped + " spooled=" + spooled
                + " drained=" + drained + " restamped=" + restamped + " dropped=" + dropped + " spoolEvents=" + spoolEvents
                + " spoolBytes=" + spoolBytes + " oldestUnshippedAgeMillis=" + oldestUnshippedAgeMillis
                + " spoolSyncs=" + spoolSyncs;
    }
}
