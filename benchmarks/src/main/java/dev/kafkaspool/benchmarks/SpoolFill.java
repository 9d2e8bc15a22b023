package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import java.nio.file.Path;

/**
 * A spool left by a stopped engine: an engine with Kafka down (disk durability) takes a number of
 * 300-byte events ({@link LogEvent}), all of which go to its spool, and stops.
 */
final class SpoolFill {
    private SpoolFill() {
    }

    /** Fills {@code spoolDir} with {@code events} events through an engine whose broker is {@code down}. */
    static void fill(Kafka down, Path spoolDir, int events) {
        try (BenchmarkEngine filling = BenchmarkEngine.start("fill", down.bootstrapServers(), spoolDir,
                Durability.DISK)) {
            LogEvent event = new LogEvent();
            event.setUp();
            for (int i = 0; i < events; i++) {
                if (!event.submit(filling.engine())) {
                    throw new IllegalStateException("the spool did not take event " + i);
                }
            }
        }
    }
}
