package dev.kafkaspool.engine;

import dev.kafkaspool.testbroker.Await;
import java.time.Duration;

/** Waits on an engine's statistics, with {@link Await}'s generous bound. */
public final class EngineAwait {
    private EngineAwait() {
    }

    /** Returns once {@code engine} has shipped at least {@code count} events. */
    public static void shipped(SpoolEngine engine, long count) {
        Await.until(() -> engine.stats().shipped() >= count, Duration.ofSeconds(120),
                () -> "shipped >= " + count + ", stats " + engine.stats());
    }
}
