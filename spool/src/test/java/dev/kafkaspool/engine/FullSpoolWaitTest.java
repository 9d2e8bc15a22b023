package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.testbroker.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A logging thread that finds the spool full (disk durability, {@code dropOldest}, the default
 * {@code blockTimeout} of 1 s) waits for room while Kafka has answered within the last
 * {@code blockTimeout}, however far apart its answers come, and for at most {@code blockTimeout};
 * when Kafka has not answered for that long, the producer does not take records, or parked
 * topics' records (which Kafka does not take) hold the room, the policy applies at once. The
 * clock moves only when the test moves it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FullSpoolWaitTest {
    /** How long a test waits for a call's result; a call that returns does so within milliseconds. */
    private static final long BOUND_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void aFullSpoolIsWaitedForWhileKafkaAnsweredWithinBlockTimeout() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        full.ticker.advance(900, TimeUnit.MILLISECONDS); // nine tenths of blockTimeout since the last answer
        Call call = call(full);
        // Waiting for room, or (were it not to wait) finished: the commit comes after the call began.
        Await.until(() -> call.thread.getState() == Thread.State.TIMED_WAITING || call.future.isDone(),
                Duration.ofSeconds(BOUND_SECONDS), () -> "the log call waits or is done: " + call.thread.getState());

        SpoolRecord r = new SpoolRecord();
        assertTrue(full.spool.read(r));
        full.spool.commit(r.position); // Kafka acknowledged the oldest: room for one
        assertTrue(call.returned());
        assertEquals(0, full.spoolFullDrops(), "nothing dropped: the call waited for room");
        assertEquals(FullSpool.EVENTS, full.spool.pendingEvents());
    }

    @Test
    void theWaitEndsAfterBlockTimeout() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        Call call = call(full);
        full.ticker.advance(1001, TimeUnit.MILLISECONDS);

        assertTrue(call.returned(), "the new event is kept");
        assertEquals(1, full.spoolFullDrops(), "the oldest was dropped");
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenKafkaHasNotAnsweredForBlockTimeout() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        full.ticker.advance(1000, TimeUnit.MILLISECONDS);

        assertTrue(call(full).returned());
        assertEquals(1, full.spoolFullDrops());
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenTheProducerDoesNotTakeRecords() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(false, full.ticker.nanos());

        assertTrue(call(full).returned());
        assertEquals(1, full.spoolFullDrops());
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenParkedTopicsHoldTheRoom() throws Exception {
        FullSpool full = new FullSpool(new MemorySpool("test"), dir, Durability.DISK, FullSpool.EVENTS);
        full.capped.kafkaAnswering(true, full.ticker.nanos()); // Kafka answers, for the other topics

        assertTrue(call(full).returned());
        assertEquals(1, full.spoolFullDrops(), "the oldest parked event was dropped at once");
        assertEquals(1, full.spool.pendingEvents());
    }

    /**
     * The log call of the next event, on a thread of its own: a call that waited when it should not
     * would wait for ever on this clock, so the test bounds its wait for the result instead.
     */
    private static Call call(FullSpool full) {
        FutureTask<Boolean> future = new FutureTask<>(() -> full.capped.appendFromLogging(1L, FullSpool.next()));
        Thread thread = new Thread(future, "logging");
        thread.setDaemon(true);
        thread.start();
        return new Call(future, thread);
    }

    private record Call(FutureTask<Boolean> future, Thread thread) {
        /** What the call returned; a call still waiting after the bound fails the test. */
        boolean returned() throws Exception {
            return future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private FullSpool fill() {
        return new FullSpool(new MemorySpool("test"), dir, Durability.DISK);
    }
}
