package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EventQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The shipper's last work when the engine stops: ships what is in memory until the deadline, and
 * what the spool holds while Kafka takes it (for at most three quarters of the time left), spools
 * what is left, closes the producer and persists the spool. Shipper thread only.
 */
final class StopSequence {
    /** At stop, how long the producer may go without a connection before the spool is left for the next start. */
    private static final long STOP_CONNECT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Shipment s;
    private final Answers answers;
    private final AnswerCollector collector;
    private final QueueRouting routing;
    private final SpoolDrain drain;
    private final ShipperState state;

    StopSequence(Shipment s, Answers answers, AnswerCollector collector, QueueRouting routing, SpoolDrain drain,
                 ShipperState state) {
        this.s = s;
        this.answers = answers;
        this.collector = collector;
        this.routing = routing;
        this.drain = drain;
        this.state = state;
    }

    /**
     * Ships what is in memory until the deadline, and what the spool holds while Kafka takes it (for
     * at most three quarters of the time left), spools what is left, closes the producer and spool.
     */
    void finish(long deadline) {
        long drainDeadline = s.ticker.nanos() + Math.max(0, deadline - s.ticker.nanos()) / 4 * 3;
        EventQueue queue = s.queue;
        if (queue != null) {
            while (queue.size() > 0) {
                if (s.direct && !s.windowHasRoom()) {
                    if (s.ticker.nanos() - deadline >= 0) {
                        answers.leaveDirect();
                    } else {
                        collector.collectAnswers();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                        continue;
                    }
                }
                queue.poll(routing);
            }
        }
        drainSpoolBeforeStop(drainDeadline);
        while (!s.window.isEmpty() && s.ticker.nanos() - deadline < 0) {
            collector.collectAnswers();
            if (!s.window.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        collector.collectAnswers();
        answers.leaveDirect();
        long remaining = Math.max(0, deadline - s.ticker.nanos());
        s.producers.shutdown(s.producer, java.time.Duration.ofNanos(remaining));
        s.producer = null;
        long lost = s.spool.persist() + s.parked.persist();
        for (long i = 0; i < lost; i++) {
            s.counters.dropped(DropReason.STOPPED);
        }
        if (lost > 0) {
            s.problems.warn(lost + " event(s) were in the memory spool at stop and are lost (the disk spool "
                    + "could not take them)", null);
        }
    }

    /**
     * At stop, ships the spool too, in order, until it is shipped or the deadline passes, unless
     * Kafka is known to be down (spooling) or the producer has had no connection for a second (Kafka
     * down since the start, not yet known as an outage): a process that stops soon after it started would
     * otherwise leave the events it logged before its producer was ready in the spool, for a next
     * process on the same directory that may never come (a Kubernetes Job with an {@code emptyDir}).
     */
    private void drainSpoolBeforeStop(long drainDeadline) {
        long unconnectedSince = 0;
        while (s.ticker.nanos() - drainDeadline < 0 && state.get() != EngineState.SPOOLING
                && (s.spool.pendingEvents() > 0 || !s.window.isEmpty())) {
            boolean worked = collector.collectAnswers();
            worked |= drain.drainWhenDue();
            if (s.producer != null && !s.producer.isConnected()) {
                long now = s.ticker.nanos();
                if (unconnectedSince == 0) {
                    unconnectedSince = now;
                } else if (now - unconnectedSince > STOP_CONNECT_NANOS) {
                    // Kafka cannot be reached (down since the start, within stallTimeout): do not hold up the stop.
                    s.problems.info("stopping: no connection to Kafka at " + s.producers.target() + "; "
                            + s.spool.pendingEvents() + " event(s) stay in the " + s.spool.description());
                    return;
                }
            } else {
                unconnectedSince = 0;
            }
            if (!worked) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }
}
