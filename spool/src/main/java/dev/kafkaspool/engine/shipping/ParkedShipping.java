package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.ParkedTopic;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;

/**
 * The shipper's work for the parked topics ({@link ParkedTopics}): moving a spooled record of a
 * parked topic to the topic's store, and sending a parked topic's records, in order, through the
 * {@link Sender} and the shipper's window once its retry is due. The records join the window like
 * any other; the shipper commits them in their store ({@link InFlight#parkedIn}) as they are
 * answered. Shipper thread only.
 */
final class ParkedShipping {
    private static final byte[] NO_BYTES = new byte[0];

    private final Shipment s;
    private final Sender sender;
    private final Trouble trouble;
    private final SpoolRecord record = new SpoolRecord();
    /** Why the last {@link #ship} needs an outage, or null. */
    private Exception outageCause;

    ParkedShipping(Shipment s, Sender sender, Trouble trouble) {
        this.s = s;
        this.sender = sender;
        this.trouble = trouble;
    }

    /**
     * Ships the parked topics whose turn it is through the current producer ({@link #ship}); a
     * refusal after records of the topic went out starts an outage, so that they are all read again
     * in order. True when records were handed on.
     */
    boolean shipDue() {
        ShippingProducer producer = s.producer;
        if (producer == null || producer.isClosed()) {
            return false;
        }
        boolean worked = ship(SpoolDrain.DRAIN_BATCH) > 0;
        if (outageCause != null) {
            trouble.sendFailed(outageCause);
        }
        return worked;
    }

    /**
     * A spooled record of a parked topic moves to the topic's store, after its earlier records; it
     * joins the window already answered, so the spool commits past it in its turn.
     */
    void move(ParkedTopic p, SpoolRecord r) {
        InFlight f = moveOf(r);
        try {
            s.parked.add(p, r);
            f.parked();
        } catch (SpoolException e) {
            s.problems.spoolWriteFailed(e);
            f.onCompletion(null, e);
        }
        s.window.add(f);
    }

    /**
     * A spooled record that moved to its parked store before an outage abandoned the window
     * ({@link MovedRecords}): it joins the window answered as moved, without a second copy.
     */
    void movedBefore(SpoolRecord r) {
        InFlight f = moveOf(r);
        f.parked();
        s.window.add(f);
    }

    /** The window's entry for a spooled record moved to a parked store; it keeps the event's id for {@link MovedRecords}. */
    private InFlight moveOf(SpoolRecord r) {
        return new InFlight(s.window, null, r.position, s.ticker.nanos(), r.instanceId, r.sequence, 0, LogLevel.INFO,
                r.topic, null, NO_BYTES);
    }

    /**
     * Sends the records of a parked topic whose turn it is, in order, while the producer takes them:
     * first a record of a store that the full buffer refused (it is the turn of its topic), otherwise
     * the records of a topic whose retry is due. When the producer has no metadata for the topic or
     * fails its first record, the topic waits for its next try.
     *
     * @return the records handed on: sent, or dropped as damaged (0 when none was due)
     */
    int ship(int maxRecords) {
        outageCause = null;
        if (!s.windowHasRoom()) {
            return 0;
        }
        InFlight f = null;
        ParkedTopic p;
        if (s.bufferRefused != null) {
            f = sender.refusedAgain(true);
            if (f == null) {
                return 0; // a record of the spool goes first
            }
            p = f.parkedIn;
        } else {
            p = s.parked.due(s.ticker.nanos());
        }
        int handed = 0;
        while (p != null && handed < maxRecords && s.windowHasRoom()) {
            if (f == null) {
                if (!p.store.read(record)) {
                    break;
                }
                f = read(p, record);
            }
            if (f.outcome() == SendOutcome.PENDING) {
                SendOutcome o = sender.hand(f);
                if (o == SendOutcome.BACKPRESSURE) {
                    break;
                }
                if (o == SendOutcome.NO_METADATA || o == SendOutcome.FAILED) {
                    s.window.removeNewest(f);
                    if (p.hasInFlight()) {
                        // Records read before it are in flight: start over from the oldest not acknowledged.
                        outageCause = f.failure();
                    } else {
                        p.notYet(s.ticker.nanos());
                    }
                    break;
                }
            } else {
                s.window.add(f);
            }
            p.sent();
            handed++;
            f = null;
        }
        return handed;
    }

    /** The record read from {@code p}'s store, in flight; a damaged one is answered at once as dropped. */
    private InFlight read(ParkedTopic p, SpoolRecord r) {
        InFlight f = new InFlight(s.window, s.producer, r.position, s.sendClock.nanos(), r.instanceId, r.sequence,
                r.timestampMillis, r.level, r.topic, r.key, r.value == null ? NO_BYTES : r.value);
        f.parkedIn = p;
        if (r.damage != null) {
            s.problems.warn(r.damage + " (parked for topic " + p.topic + "); it is dropped (counted as spoolError)",
                    null);
            f.onCompletion(null, new SpoolException(r.damage, null));
        }
        return f;
    }
}
