package dev.kafkaspool.samples.service;

/**
 * What a sample service logs as its n-th event: mostly INFO, every 25th a WARN, every 250th an
 * ERROR with an exception.
 */
public enum EventKind {
    /** An order was handled. */
    INFO,
    /** An order was slow. */
    WARN,
    /** An order failed, with an exception and its cause. */
    ERROR;

    /** The kind of the event with this sequence number (counted from 1). */
    public static EventKind of(long sequence) {
        if (sequence % 250 == 0) {
            return ERROR;
        }
        return sequence % 25 == 0 ? WARN : INFO;
    }
}
