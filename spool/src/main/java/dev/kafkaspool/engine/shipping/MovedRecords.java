package dev.kafkaspool.engine.shipping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The spool's records that moved to a parked topic's store before an outage abandoned the window,
 * the spool not yet committed past them. The spool is read again from its committed position, and
 * such a record, already in its store (or shipped from there since), must not move a second time:
 * that would ship it twice and count it twice. It is answered as moved again, without a copy.
 *
 * <p>A move is committed in the spool when it leaves the window's head; the window also holds the
 * parked topics' own records in flight, and one of them unanswered at the head holds back the moves
 * behind it. So only the moves in an abandoned window are remembered (at most the window's records),
 * each until the spool reads its record again, and all once the spool is read to its end (every
 * record not committed has then been read again). Keys are the event's instance id and sequence.
 * Shipper thread only.
 */
final class MovedRecords {
    private final Map<Long, Set<Long>> sequencesByInstance = new HashMap<>();

    /** The window is about to be abandoned: remembers the moves in it. */
    void abandoned(InFlightWindow window) {
        for (InFlight f : window.all(r -> r.outcome() == SendOutcome.PARKED)) {
            sequencesByInstance.computeIfAbsent(f.instanceId, id -> new HashSet<>()).add(f.sequence);
        }
    }

    /** Whether the spool's record of this event moved to its parked store already; forgets it when it did. */
    boolean takeMoved(long instanceId, long sequence) {
        if (sequencesByInstance.isEmpty()) {
            return false;
        }
        Set<Long> sequences = sequencesByInstance.get(instanceId);
        if (sequences == null || !sequences.remove(sequence)) {
            return false;
        }
        if (sequences.isEmpty()) {
            sequencesByInstance.remove(instanceId);
        }
        return true;
    }

    /** The spool was read to its end: every move remembered was read again. */
    void spoolReadToEnd() {
        sequencesByInstance.clear();
    }
}
