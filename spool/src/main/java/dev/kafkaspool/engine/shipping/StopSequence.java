package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EventQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The shipper's last work when the engine stops: ships what is in memory until the deadline, and
 * what the spool and the parked topics hold while Kafka takes it (for at most three quarters of the
 * time left), has the producer send what it holds without lingering, spools what is left, closes
 * the producer and persists the spool. Shipper thread only.
 */
final class StopSequence {
    /** At stop, how long the producer's connections may fail unanswered before the spool is left for the next start. */
    private static final long STOP_CONNECT_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * At stop, how long the parked topics are tried again, and how often: each try asks the producer
     * for the topic's metadata, which it fetches after a back-off of up to {@code retry.backoff.max.ms}
     * (1 s). A topic Kafka takes by then is shipped until the stop's time is up; one it still does not
     * take stays parked.
     */
    private static final long STOP_PARKED_TRY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final long STOP_PARKED_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Shipment s;
    private final Answers answers;
    private final AnswerCollector collector;
    private final QueueRouting routing;
    private final SpoolDrain drain;
    private final ParkedShipping parkedShipping;
    private final ShipperState state;
    /** {@link #unreachable}'s producer, since when it watches it, and its response and close counts then. */
    private ShippingProducer watched;
    private long watchedSince;
    private double responsesBefore;
    private double closedBefore;

    StopSequence(Shipment s, Answers answers, AnswerCollector collector, QueueRouting routing, SpoolDrain drain,
                 ParkedShipping parkedShipping, ShipperState state) {
        this.s = s;
        this.answers = answers;
        this.collector = collector;
        this.routing = routing;
        this.drain = drain;
        this.parkedShipping = parkedShipping;
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
                s.sendClock.startRound();
                queue.poll(routing);
            }
        }
        drainSpoolBeforeStop(drainDeadline);
        sendHeldAtOnce();
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
     * Kafka is found down: an outage, or {@link #unreachable}. A process that stops
     * soon after it started would otherwise leave the events it logged before its producer was ready
     * in the spool, for a next process on the same directory that may never come (a Kubernetes Job
     * with an {@code emptyDir}). A stop during an outage tries Kafka once more at once, without
     * waiting out the back-off: the outage may have ended since the last try (pods stopped as
     * Kafka comes back, after a maintenance), and a try that fails ends the drain. The parked topics
     * are tried again for a few seconds ({@link #STOP_PARKED_TRY_NANOS}): a topic created since its
     * last try is shipped in this run. Once the spool has nothing more to hand, the producer sends
     * what it holds at once.
     */
    private void drainSpoolBeforeStop(long drainDeadline) {
        long start = s.ticker.nanos();
        long parkedUntil = start + STOP_PARKED_TRY_NANOS;
        long parkedTried = start - STOP_PARKED_RETRY_NANOS;
        boolean allHanded = false;
        long outagesBefore = s.outages;
        if (state.get() == EngineState.SPOOLING) {
            s.nextAttemptNanos = start;
        }
        while (state.get() != EngineState.SPOOLING || s.outages == outagesBefore) {
            long now = s.ticker.nanos();
            boolean tryParked = now - parkedUntil < 0 && s.parked.pendingEvents() > 0;
            if (now - drainDeadline >= 0 || !tryParked && s.spool.pendingEvents() == 0 && s.window.isEmpty()
                    && !s.parked.anyShipping()) {
                return;
            }
            if (!allHanded && s.spool.pendingEvents() == 0) {
                allHanded = true;
                sendHeldAtOnce();
            }
            if (tryParked && now - parkedTried >= STOP_PARKED_RETRY_NANOS) {
                s.parked.retryAllNow(now);
                parkedTried = now;
            }
            s.sendClock.startRound();
            boolean worked = collector.collectAnswers();
            worked |= drain.drainWhenDue();
            worked |= parkedShipping.shipDue();
            if (unreachable(s.ticker.nanos())) {
                // Kafka refuses or drops the connections (down since the start, within stallTimeout, or still down
                // after an outage).
                s.problems.info("stopping: no connection to Kafka at " + s.producers.target() + "; "
                        + (s.spool.pendingEvents() + s.parked.pendingEvents()) + " event(s) stay in the "
                        + s.spool.description());
                return;
            }
            if (!worked) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /**
     * Has the producer send the records it holds now, not after {@code linger.ms}: the stop waits
     * for their answers ({@link ProducerFlusher}).
     */
    private void sendHeldAtOnce() {
        if (s.producer != null && !s.window.isEmpty()) {
            s.producers.sendAtOnce(s.producer);
        }
    }

    /**
     * Whether the producer has had no answer for a second in which its connections failed (refused,
     * or closed unanswered, as after a failed TLS handshake), and has no connection now: Kafka down
     * or out of reach since the start, not yet known as an outage. A producer that has not tried yet
     * is waited for: a cold JVM on a busy node can take seconds to open its first connection. From
     * the producer's {@code response-total} and {@code connection-close-total}; a new producer or an
     * answer starts the second again.
     */
    private boolean unreachable(long now) {
        ShippingProducer p = s.producer;
        if (p == null) {
            return false;
        }
        double responses = p.responses();
        double closed = p.connectionsClosed();
        if (p != watched || responses != responsesBefore) {
            watched = p;
            watchedSince = now;
            responsesBefore = responses;
            closedBefore = closed;
            return false;
        }
        return now - watchedSince > STOP_CONNECT_NANOS && closed > closedBefore && !p.isConnected();
    }
}
