package dev.kafkaspool.engine.shipping;

import java.util.ArrayDeque;

/**
 * The records the shipper has handed to the producer and not yet seen answered, in send order.
 * Records from the spool always come before records sent from memory: the shipper sends from
 * memory only once the spool is read to its end. Owned by the shipper thread, except for
 * {@link #signalTrouble}, which the producer's I/O thread calls.
 */
final class InFlightWindow {
    private final ArrayDeque<InFlight> records = new ArrayDeque<>();
    private volatile int generation;
    private volatile boolean trouble;
    private long bytes;
    private long directCount;

    int generation() {
        return generation;
    }

    void add(InFlight f) {
        records.addLast(f);
        if (f.isDirect()) {
            bytes += f.value.length;
            directCount++;
        }
    }

    int size() {
        return records.size();
    }

    /**
     * The bytes of the records sent from memory, which the window keeps until Kafka answers them
     * (see {@link InFlight#accepted}).
     */
    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    /** The oldest record not answered, or null. */
    InFlight head() {
        return records.peekFirst();
    }

    /** The oldest record with this outcome, or null. */
    InFlight first(SendOutcome outcome) {
        for (InFlight f : records) {
            if (f.outcome() == outcome) {
                return f;
            }
        }
        return null;
    }

    /** The records that match, oldest first. */
    java.util.List<InFlight> all(java.util.function.Predicate<InFlight> matching) {
        java.util.List<InFlight> found = new java.util.ArrayList<>();
        for (InFlight f : records) {
            if (matching.test(f)) {
                found.add(f);
            }
        }
        return found;
    }

    InFlight removeHead() {
        InFlight f = records.removeFirst();
        forget(f);
        return f;
    }

    /** Removes the newest record: one the producer refused at once, to send again later. */
    void removeNewest(InFlight f) {
        if (records.peekLast() == f) {
            forget(records.removeLast());
        }
    }

    /** Removes the records sent from memory (the newest ones) and returns them, oldest first. */
    ArrayDeque<InFlight> removeDirect() {
        ArrayDeque<InFlight> direct = new ArrayDeque<>();
        while (directCount > 0) {
            InFlight f = records.removeLast();
            forget(f);
            direct.addFirst(f);
        }
        return direct;
    }

    /** Drops every record and ignores answers still to come for them. */
    void reset() {
        records.clear();
        bytes = 0;
        directCount = 0;
        trouble = false;
        generation++;
    }

    /** A record of this generation failed in a way that needs the shipper's attention. */
    void signalTrouble(int ofGeneration) {
        if (ofGeneration == generation) {
            trouble = true;
        }
    }

    /** True once after a record signalled trouble. */
    boolean takeTrouble() {
        if (!trouble) {
            return false;
        }
        trouble = false;
        return true;
    }

    private void forget(InFlight f) {
        if (f.isDirect()) {
            bytes -= f.value.length;
            directCount--;
        }
    }
}
