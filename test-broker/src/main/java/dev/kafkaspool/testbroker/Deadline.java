package dev.kafkaspool.testbroker;

import java.time.Duration;

/** The end of a bounded wait, for loops that retry until something holds or time is up. */
final class Deadline {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code timeout} from now. */
    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Whether the time is up. */
    boolean hasPassed() {
        return remaining().isZero();
    }

    /** The time left, zero once the deadline has passed. */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Sleeps a little before the next try, never past the deadline. */
    void pauseBeforeRetry() {
        Duration pause = remaining().compareTo(PAUSE) < 0 ? remaining() : PAUSE;
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }
}
