package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.Spool;
import java.nio.file.Path;

/**
 * A spool capped at the size of its first {@link #EVENTS} events ({@code e1} to {@code e4}) under
 * {@code dropOldest}, holding them (some in a parked topic's store, if asked), on a clock that
 * moves only when a test moves it; the counters count its drops.
 */
final class FullSpool {
    static final int EVENTS = 4;

    final EngineCounters counters = new EngineCounters();
    final ManualTicker ticker = new ManualTicker();
    final Spool spool;
    final CappedSpool capped;

    /** Fills {@code spool}; {@code dir} is the configuration's spool directory, of {@code durability}. */
    FullSpool(Spool spool, Path dir, Durability durability) {
        this(spool, dir, durability, 0);
    }

    /** As {@link #FullSpool(Spool, Path, Durability)}, the first {@code parked} events in a parked topic's store. */
    FullSpool(Spool spool, Path dir, Durability durability, int parked) {
        this.spool = spool;
        ProblemReporter problems = new ProblemReporter("test", new RecordingStatus(), counters, ticker);
        long cap = 0;
        for (int i = 1; i <= EVENTS; i++) {
            cap += spool.storedSize(Events.event(i, "e" + i));
        }
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, durability)
                .set(EngineSettings.FULL_POLICY, FullPolicy.DROP_OLDEST).build();
        capped = new CappedSpool(spool, new ParkedTopics(null, cap, problems, ticker), cap, config, counters,
                ticker, problems);
        if (parked > 0) {
            assertTrue(capped.parked().park("parked", "a test"));
        }
        for (int i = 1; i <= EVENTS; i++) {
            Spool target = i <= parked ? capped.parked().get("parked").store : spool;
            assertTrue(capped.append(1L, Events.event(i, "e" + i), target));
        }
        assertEquals(0, counters.droppedCount(DropReason.SPOOL_FULL));
    }

    /** The next event, {@code e5}, of the same size. */
    static EncodedEvent next() {
        return Events.event(EVENTS + 1, "e" + (EVENTS + 1));
    }

    long spoolFullDrops() {
        return counters.droppedCount(DropReason.SPOOL_FULL);
    }
}
