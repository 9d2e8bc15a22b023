package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.Ticker;

/**
 * The time the shipper records as a record's send time: the clock read at the start of each round
 * and again every {@value #STRIDE} sends within it, rather than for every record. A read of the
 * clock costs about 25 ns here, and each record took two (its send time and its partition's
 * count); a record's send time is then early by at most the time of {@value #STRIDE} sends, well
 * under a millisecond, against a send latency of tens of milliseconds and a stall timeout of
 * seconds. Each round of the shipper, and of its stop's loops, starts by reading the clock, so an
 * idle shipper never stamps a record with the time of an earlier round. Shipper thread only.
 */
final class SendClock {
    static final int STRIDE = 64;

    private final Ticker ticker;
    private long nanos;
    private int sends;

    SendClock(Ticker ticker) {
        this.ticker = ticker;
        this.nanos = ticker.nanos();
    }

    /** Reads the clock at the start of a round of the shipper. */
    void startRound() {
        nanos = ticker.nanos();
        sends = 0;
    }

    /** The send time of the next record. */
    long nanos() {
        if (++sends == STRIDE) {
            sends = 0;
            nanos = ticker.nanos();
        }
        return nanos;
    }
}
