package dev.kafkaspool.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The engine's event counters; cheap to increment from many threads. */
public final class EngineCounters {
    private final LongAdder accepted = new LongAdder();
    private final LongAdder shipped = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder drained = new LongAdder();
    private final LongAdder spoolSyncs = new LongAdder();
    private final LongAdder restamped = new LongAdder();
    private final LongAdder[] dropped = new LongAdder[DropReason.values().length];
    private final LongAdder sendLatencyNanos = new LongAdder();
    private volatile long lastDropMillis = -1;
    private volatile DropReason lastDropReason;

    public EngineCounters() {
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = new LongAdder();
        }
    }

    void accept() {
        accepted.increment();
    }

    /**
     * Kafka acknowledged {@code count} records, {@code fromSpool} of them read from the spool, after
     * {@code latencyNanos} in all from their sends; the shipper adds each round of answers at once.
     */
    public void shipped(long count, long fromSpool, long latencyNanos) {
        if (count > 0) {
            shipped.add(count);
            sendLatencyNanos.add(latencyNanos);
        }
        if (fromSpool > 0) {
            drained.add(fromSpool);
        }
    }

    /** A record sent with the send time as its timestamp was acknowledged. */
    public void restamp() {
        restamped.increment();
    }

    long restamped() {
        return restamped.sum();
    }

    public void spool() {
        spooled.increment();
    }

    public void synced() {
        spoolSyncs.increment();
    }

    public void dropped(DropReason reason, long count) {
        if (count > 0) {
            dropped[reason.ordinal()].add(count);
            lastDropReason = reason;
            lastDropMillis = System.currentTimeMillis();
        }
    }

    public void dropped(DropReason reason) {
        dropped[reason.ordinal()].increment();
        lastDropReason = reason;
        lastDropMillis = System.currentTimeMillis();
    }

    long droppedCount(DropReason reason) {
        return dropped[reason.ordinal()].sum();
    }

    long droppedTotal() {
        long sum = 0;
        for (LongAdder d : dropped) {
            sum += d.sum();
        }
        return sum;
    }

    Map<DropReason, Long> droppedByReason() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            m.put(r, dropped[r.ordinal()].sum());
        }
        return m;
    }

    /** The sum of send-to-acknowledgement times of every shipped record. */
    long sendLatencyNanos() {
        return sendLatencyNanos.sum();
    }

    /** When the last event was dropped (epoch millis), or -1. */
    long lastDropMillis() {
        return lastDropMillis;
    }

    DropReason lastDropReason() {
        return lastDropReason;
    }

    long accepted() {
        return accepted.sum();
    }

    long shipped() {
        return shipped.sum();
    }

    long spooled() {
        return spooled.sum();
    }

    long drained() {
        return drained.sum();
    }

    public long spoolSyncs() {
        return spoolSyncs.sum();
    }
}
