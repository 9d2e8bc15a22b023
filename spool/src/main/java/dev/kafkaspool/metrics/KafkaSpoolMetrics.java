package dev.kafkaspool.metrics;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineStats;
import java.util.function.Supplier;


/** The MXBean over a source of engine snapshots. <b>Thread-safe</b>: every read takes a fresh snapshot. */
public final class KafkaSpoolMetrics implements KafkaSpoolMXBean {
    private final Supplier<EngineStats> stats;

    public KafkaSpoolMetrics(Supplier<EngineStats> stats) {
        this.stats = stats;
    }

    @Override
    public String getHealth() {
        return stats.get().health();
    }

    @Override
    public String getState() {
        return stats.get().state().toString();
    }

    @Override
    public String getProblem() {
        String p = stats.get().problem();
        return p == null ? "" : p;
    }

    @Override
    public long getAccepted() {
        return stats.get().accepted();
    }

    @Override
    public long getShipped() {
        return stats.get().shipped();
    }

    @Override
    public long getSpooled() {
        return stats.get().spooled();
    }

    @Override
    public long getDrained() {
        return stats.get().drained();
    }

    @Override
    public long getSpoolSyncs() {
        return stats.get().spoolSyncs();
    }

    public long getRestamped() {
        return stats.get().restamped();
    }

    @Override
    public long getDropped() {
        return stats.get().droppedTotal();
    }

    @Override
    public long getDroppedSpoolFull() {
        return stats.get().dropped(DropReason.SPOOL_FULL);
    }

    @Override
    public long getDroppedRecordTooLarge() {
        return stats.get().dropped(DropReason.RECORD_TOO_LARGE);
    }

    @Override
    public long getDroppedRejected() {
        return stats.get().dropped(DropReason.REJECTED);
    }

    @Override
    public long getDroppedInvalidTopic() {
        return stats.get().dropped(DropReason.INVALID_TOPIC);
    }

    @Override
    public long getDroppedQueueFull() {
        return stats.get().dropped(DropReason.QUEUE_FULL);
    }

    @Override
    public long getDroppedSpoolError() {
        return stats.get().dropped(DropReason.SPOOL_ERROR);
    }

    @Override
    public long getDroppedStopped() {
        return stats.get().dropped(DropReason.STOPPED);
    }

    @Override
    public long getSpoolBytes() {
        return stats.get().spoolBytes();
    }

    @Override
    public long getSpoolEvents() {
        return stats.get().spoolEvents();
    }

    @Override
    public long getOldestUnshippedAgeMillis() {
        return stats.get().oldestUnshippedAgeMillis();
    }

    @Override
    public double getSendLatencyMeanMillis() {
        EngineStats s = stats.get();
        return s.shipped() == 0 ? 0 : s.sendLatencyTotalNanos() / 1e6 / s.shipped();
    }

    @Override
    public boolean isDiskSpool() {
        return stats.get().diskSpool();
    }
}
