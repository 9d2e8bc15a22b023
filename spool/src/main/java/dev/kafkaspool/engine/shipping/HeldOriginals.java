package dev.kafkaspool.engine.shipping;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records sent from memory that the producer still holds after the shipper stopped sending from
 * memory while keeping the producer (its buffer full, the queue full, a new topic's metadata
 * missing). Each was copied to the spool, ahead of every newer event, so that it keeps its place
 * should the producer fail it; the producer, though, goes on delivering it. When the spool drain
 * reads such a copy, the copy is not sent: it joins the window as a stand-in that takes its
 * original's answer ({@link InFlight}), so an event acknowledged is committed and counted once,
 * from the spool, and never sent twice.
 *
 * <p>When the producer is abandoned (an outage, a parked topic, a refused timestamp), the originals
 * it had not answered go with it: their copies are sent as ordinary spool records. Those already
 * acknowledged, or undeliverable, stay: their copies, read again, are committed without being
 * sent. A copy the spool's full policy dropped, or found damaged, is never read: its original is
 * forgotten once the spool is read to its end. Shipper thread only.
 */
final class HeldOriginals {
    /** By event sequence (the instance is this engine's), in the order they were sent. */
    private final Map<Long, Held> bySequence = new LinkedHashMap<>();
    private final long instanceId;

    HeldOriginals(long instanceId) {
        this.instanceId = instanceId;
    }

    /** The producer holds {@code original} (sent from memory) and its copy is now in the spool. */
    void hold(InFlight original) {
        bySequence.put(original.sequence, new Held(original));
    }

    /**
     * The original of the spool record with this event id, when it is a copy of a record the
     * producer holds, or has answered with a final answer; null for any other record.
     */
    InFlight originalOf(long recordInstanceId, long sequence) {
        if (bySequence.isEmpty() || recordInstanceId != instanceId) {
            return null;
        }
        Held h = bySequence.get(sequence);
        if (h == null) {
            return null;
        }
        h.copyRead = true;
        return h.original;
    }

    /** The stand-in copy was answered, counted and committed: its original is done with. */
    void committed(InFlight copy) {
        bySequence.remove(copy.sequence);
    }

    /** Whether the producer holds an original it has not answered yet. */
    boolean holdsUnanswered() {
        for (Held h : bySequence.values()) {
            if (h.original.outcome() == SendOutcome.PENDING) {
                return true;
            }
        }
        return false;
    }

    /**
     * The producer was abandoned and the spool is read again from its last commit: the originals
     * without a final answer are forgotten (their copies are sent), the others wait for their copies
     * to be read again.
     */
    void producerAbandoned() {
        Iterator<Held> it = bySequence.values().iterator();
        while (it.hasNext()) {
            Held h = it.next();
            SendOutcome o = h.original.outcome();
            if (o != SendOutcome.ACKED && o != SendOutcome.UNDELIVERABLE) {
                it.remove();
            } else {
                h.copyRead = false;
            }
        }
    }

    /** The spool is read to its end: a copy not read by now was dropped (full policy) or damaged. */
    void spoolReadToEnd() {
        if (!bySequence.isEmpty()) {
            bySequence.values().removeIf(h -> !h.copyRead);
        }
    }

    private static final class Held {
        final InFlight original;
        /** The copy was read and stands in the window (or was, before a rewind). */
        boolean copyRead;

        Held(InFlight original) {
            this.original = original;
        }
    }
}
