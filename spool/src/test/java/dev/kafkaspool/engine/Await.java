package dev.kafkaspool.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous bound; the bound catches hangs, it measures nothing. */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration bound, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + bound.toSeconds() + " s: " + whatWasExpected.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    public static void shipped(SpoolEngine engine, long count) {
        until(() -> engine.stats().shipped() >= count, Duration.ofSeconds(120),
                () -> "shipped >= " + count + ", stats " + engine.stats());
    }
}
