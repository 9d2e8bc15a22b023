package dev.kafkaspool.security;

import java.util.function.BooleanSupplier;

/** Waits for a condition without a deadline of its own: the test's {@code @Timeout} ends a hang. */
final class Await {

    private static final long PAUSE_MILLIS = 100;

    private Await() {
    }

    static void until(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting", e);
            }
        }
    }
}
