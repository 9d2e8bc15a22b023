package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolRecord;
import java.nio.file.Path;
import dev.kafkaspool.testbroker.Await;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A logging thread that finds the spool full (disk durability, {@code dropOldest}, the default
 * {@code blockTimeout} of 1 s) waits for room while Kafka has answered within the last
 * {@code blockTimeout}, however far apart its answers come, and for at most {@code blockTimeout};
 * when Kafka has not answered for that long, or the producer does not take records, the policy
 * applies at once. The clock moves only when the test moves it: a call that waited when it should
 * not would never return (the class's timeout).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FullSpoolWaitTest {
    private static final int EVENTS = 4;

    @TempDir
    Path dir;

    private final EngineCounters counters = new EngineCounters();
    private final ManualTicker ticker = new ManualTicker();
    private final ProblemReporter problems = new ProblemReporter("test", new RecordingStatus(), counters, ticker);
    private final MemorySpool spool = new MemorySpool("test");
    private CappedSpool capped;

    @Test
    void aFullSpoolIsWaitedForWhileKafkaAnsweredWithinBlockTimeout() throws Exception {
        fill();
        capped.kafkaAnswering(true, ticker.nanos());
        ticker.advance(900, TimeUnit.MILLISECONDS); // nine tenths of blockTimeout since the last answer
        FutureTask<Boolean> call = new FutureTask<>(() -> capped.appendFromLogging(1L, next()));
        Thread logging = new Thread(call, "logging");
        logging.start();
        // Waiting for room, or (were it not to wait) finished: the commit comes after the call began.
        Await.until(() -> logging.getState() == Thread.State.TIMED_WAITING || call.isDone(), Duration.ofSeconds(30),
                () -> "the log call waits or is done: " + logging.getState());

        SpoolRecord r = new SpoolRecord();
        assertTrue(spool.read(r));
        spool.commit(r.position); // Kafka acknowledged the oldest: room for one
        assertTrue(call.get());
        assertEquals(0, counters.droppedCount(DropReason.SPOOL_FULL), "nothing dropped: the call waited for room");
        assertEquals(EVENTS, spool.pendingEvents());
    }

    @Test
    void theWaitEndsAfterBlockTimeout() throws Exception {
        fill();
        capped.kafkaAnswering(true, ticker.nanos());
        CompletableFuture<Boolean> call = CompletableFuture.supplyAsync(() -> capped.appendFromLogging(1L, next()));
        ticker.advance(1001, TimeUnit.MILLISECONDS);

        assertTrue(call.join(), "the new event is kept");
        assertEquals(1, counters.droppedCount(DropReason.SPOOL_FULL), "the oldest was dropped");
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenKafkaHasNotAnsweredForBlockTimeout() {
        fill();
        capped.kafkaAnswering(true, ticker.nanos());
        ticker.advance(1000, TimeUnit.MILLISECONDS);

        assertTrue(capped.appendFromLogging(1L, next()));
        assertEquals(1, counters.droppedCount(DropReason.SPOOL_FULL));
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenTheProducerDoesNotTakeRecords() {
        fill();
        capped.kafkaAnswering(false, ticker.nanos());

        assertTrue(capped.appendFromLogging(1L, next()));
        assertEquals(1, counters.droppedCount(DropReason.SPOOL_FULL));
    }

    /** A spool capped at the size of {@link #EVENTS} events, holding them. */
    private void fill() {
        long cap = 0;
        for (int i = 1; i <= EVENTS; i++) {
            cap += spool.storedSize(Events.event(i, "e" + i));
        }
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, Durability.DISK)
                .set(EngineSettings.FULL_POLICY, FullPolicy.DROP_OLDEST).build();
        capped = new CappedSpool(spool, new ParkedTopics(null, cap, problems, ticker), cap, config, counters,
                ticker, problems);
        for (int i = 1; i <= EVENTS; i++) {
            assertTrue(capped.appendFromLogging(1L, Events.event(i, "e" + i)));
        }
        assertEquals(0, counters.droppedCount(DropReason.SPOOL_FULL));
    }

    private static EncodedEvent next() {
        return Events.event(EVENTS + 1, "e" + (EVENTS + 1));
    }
}
