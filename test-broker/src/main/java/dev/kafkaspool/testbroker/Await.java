package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits in a test until a condition holds, asking again every few milliseconds. A bound, where
 * given, catches hangs: it is generous and measures nothing.
 */
public final class Await {

    private static final long PAUSE_MILLIS = 20;

    private Await() {
    }

    /**
     * Returns once {@code condition} holds; throws an {@link AssertionError} that names
     * {@code whatWasExpected} if it still does not after {@code bound}.
     */
    public static void until(BooleanSupplier condition, Duration bound, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + bound.toSeconds() + " s: " + whatWasExpected.get());
            }
            pause();
        }
    }

    /** Returns once {@code condition} holds, with no bound of its own: the test's {@code @Timeout} ends a hang. */
    public static void until(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
