package dev.kafkaspool.engine.spool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.testbroker.Allocations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In disk durability a logging thread writes its event to the spool, under the spool's cap, which
 * counts the parked topics' records too: that allocates nothing, with no topic parked and while
 * one is.
 */
class DiskAppendAllocationTest {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 10_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLoggingThreadsAppendAllocatesNothing(boolean aTopicParked) {
        EngineCounters counters = new EngineCounters();
        ManualTicker ticker = new ManualTicker();
        ProblemReporter problems = new ProblemReporter("test", new RecordingStatus(), counters, ticker);
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, Durability.DISK).build();
        long maxBytes = 256L << 20;
        try (ChronicleSpool spool = ChronicleSpool.open(dir, maxBytes);
                ParkedTopics parked = new ParkedTopics(dir, maxBytes, problems, ticker)) {
            if (aTopicParked) {
                assertTrue(parked.park("orders", "a test parks it"));
                parked.get("orders").store.append(1L, Events.event(1, "parked"));
            }
            CappedSpool capped = new CappedSpool(spool, parked, maxBytes, config, counters, ticker, problems);
            EncodedEvent event = Events.event(1, "x".repeat(300));
            Allocations.assertAllocatesNothing(aTopicParked ? "a topic parked" : "none parked", WARM_UP, MEASURED,
                    i -> assertTrue(capped.appendFromLogging(1L, event)));
        }
    }
}
