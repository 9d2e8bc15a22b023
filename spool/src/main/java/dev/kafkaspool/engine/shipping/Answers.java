package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EncodedEvent;

/**
 * The bookkeeping of Kafka's answers in the window: counts the answered records at the window's
 * head (shipped, dropped, moved to a parked topic) and commits the spool, or the parked topic's
 * store, past them; and when the shipper stops sending straight from memory, copies the records
 * sent from memory and not yet answered to the spool, ahead of everything newer (those the producer
 * still holds are not sent again: {@link HeldOriginals}). Shipper thread only.
 */
final class Answers {
    private final Shipment s;
    private final InFlightWindow window;
    private final EncodedEvent respool = new EncodedEvent();
    /** The acknowledgements counted in this round, added to the engine's counters at its end. */
    private long acked;
    private long ackedFromSpool;
    private long ackedLatencyNanos;

    Answers(Shipment s) {
        this.s = s;
        this.window = s.window;
    }

    /** Counts the answered records at the window's head and commits the spool up to the last of them. */
    boolean takeAnsweredPrefix() {
        long now = s.ticker.nanos();
        long commitPosition = -1;
        boolean any = false;
        while (!window.isEmpty() && countIfAnswered(window.head(), now)) {
            InFlight head = window.removeHead();
            if (head.parkedIn != null) {
                head.parkedIn.store.commit(head.spoolPosition);
                head.parkedIn.answered();
                s.parked.checkShipped(head.parkedIn);
            } else if (!head.isDirect()) {
                commitPosition = head.spoolPosition;
                if (head.isHeldCopy()) {
                    s.held.committed(head);
                }
            }
            any = true;
        }
        addAcked();
        if (commitPosition >= 0) {
            s.spool.commit(commitPosition);
        }
        return any;
    }

    /** Adds this round's acknowledgements to the engine's counters: a few atomic additions per round, not per record. */
    private void addAcked() {
        s.counters.shipped(acked, ackedFromSpool, ackedLatencyNanos);
        acked = 0;
        ackedFromSpool = 0;
        ackedLatencyNanos = 0;
    }

    /**
     * Counts an acknowledged or undeliverable record; false when it still needs sending. An
     * acknowledged record's send latency ends at {@code now}, when this round looks at the answers.
     */
    private boolean countIfAnswered(InFlight f, long now) {
        SendOutcome outcome = f.outcome();
        if (outcome == SendOutcome.ACKED) {
            s.ackedTopics.add(f.topic);
            s.lastFailure = null;
            if (s.metadataMissingSinceNanos != 0) {
                s.metadataMissingSinceNanos = 0;
                s.diagnosedTopics.clear();
            }
            acked++;
            if (!f.isDirect()) {
                ackedFromSpool++;
            }
            ackedLatencyNanos += Math.max(0, now - f.sentAtNanos);
            if (f.restamped) {
                s.counters.restamp();
            }
            if (f.parkedIn != null) {
                f.parkedIn.delivered();
            }
            return true;
        }
        if (outcome == SendOutcome.PARKED) {
            return true;
        }
        if (outcome == SendOutcome.UNDELIVERABLE) {
            DropReason reason = SendOutcome.dropReasonOf(f.failure());
            s.counters.dropped(reason);
            s.problems.dropped(reason);
            if (reason == DropReason.INVALID_TOPIC || reason == DropReason.REJECTED) {
                s.problems.refusedOnce(f.topic, reason, s.describe(f.failure()));
            }
            return true;
        }
        return false;
    }

    /**
     * Stops sending from memory: records sent from memory and not answered are copied to the spool,
     * in order, ahead of everything that comes after them. The records the producer took and holds
     * are remembered ({@link HeldOriginals}): while the producer is kept, it delivers them, and their
     * copies are committed without being sent; should it be abandoned, the copies are sent.
     */
    void leaveDirect() {
        s.direct = false;
        long now = s.ticker.nanos();
        for (InFlight f : window.removeDirect()) {
            if (countIfAnswered(f, now)) {
                continue;
            }
            f.copyTo(respool);
            SendOutcome o = f.outcome();
            boolean producerTookIt = o != SendOutcome.BACKPRESSURE && o != SendOutcome.NO_METADATA;
            if (s.cappedSpool.append(f.instanceId, respool) && producerTookIt) {
                s.held.hold(f);
            }
        }
        addAcked();
    }
}
