package dev.kafkaspool.benchmarks.endtoend;

import java.util.BitSet;
import java.util.OptionalLong;

/**
 * Counts arrivals of the events 1 to {@code logged}, one ordered stream at a time (a partition in
 * offset order, a file in line order): distinct events, copies of an event that had arrived
 * already, events whose number is lower than one that arrived before them in the same stream, and
 * numbers that were never logged.
 */
final class ArrivalTally {
    private final long logged;
    private final BitSet seen = new BitSet();
    private long duplicates;
    private long outOfOrder;
    private long unknown;
    private long highest;

    ArrivalTally(long logged) {
        this.logged = logged;
    }

    /** The next stream begins: order is judged within a stream only. */
    void nextStream() {
        highest = 0;
    }

    /** One arrival: the event number found in a record or line, if any. */
    void add(OptionalLong number) {
        if (number.isEmpty() || number.getAsLong() < 1 || number.getAsLong() > logged) {
            unknown++;
            return;
        }
        int event = (int) number.getAsLong();
        if (seen.get(event)) {
            duplicates++;
            return;
        }
        seen.set(event);
        if (event < highest) {
            outOfOrder++;
        }
        highest = Math.max(highest, event);
    }

    ArrivalCount count() {
        long arrived = seen.cardinality();
        return new ArrivalCount(logged, arrived, logged - arrived, duplicates, outOfOrder, unknown);
    }
}
