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
 * when Kafka has not answered for that long, or the producer does not take records, the policy
 * applies at once. The clock moves only when the test moves it: a call that waited when it should
 * not would never return (the class's timeout).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FullSpoolWaitTest {
    @TempDir
    Path dir;

    @Test
    void aFullSpoolIsWaitedForWhileKafkaAnsweredWithinBlockTimeout() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        full.ticker.advance(900, TimeUnit.MILLISECONDS); // nine tenths of blockTimeout since the last answer
        FutureTask<Boolean> call = new FutureTask<>(() -> full.capped.appendFromLogging(1L, FullSpool.next()));
        Thread logging = new Thread(call, "logging");
        logging.start();
        // Waiting for room, or (were it not to wait) finished: the commit comes after the call began.
        Await.until(() -> logging.getState() == Thread.State.TIMED_WAITING || call.isDone(), Duration.ofSeconds(30),
                () -> "the log call waits or is done: " + logging.getState());

        SpoolRecord r = new SpoolRecord();
        assertTrue(full.spool.read(r));
        full.spool.commit(r.position); // Kafka acknowledged the oldest: room for one
        assertTrue(call.get());
        assertEquals(0, full.spoolFullDrops(), "nothing dropped: the call waited for room");
        assertEquals(FullSpool.EVENTS, full.spool.pendingEvents());
    }

    @Test
    void theWaitEndsAfterBlockTimeout() throws Exception {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        FutureTask<Boolean> call = new FutureTask<>(() -> full.capped.appendFromLogging(1L, FullSpool.next()));
        new Thread(call, "logging").start();
        full.ticker.advance(1001, TimeUnit.MILLISECONDS);

        assertTrue(call.get(), "the new event is kept");
        assertEquals(1, full.spoolFullDrops(), "the oldest was dropped");
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenKafkaHasNotAnsweredForBlockTimeout() {
        FullSpool full = fill();
        full.capped.kafkaAnswering(true, full.ticker.nanos());
        full.ticker.advance(1000, TimeUnit.MILLISECONDS);

        assertTrue(full.capped.appendFromLogging(1L, FullSpool.next()));
        assertEquals(1, full.spoolFullDrops());
    }

    @Test
    void aFullSpoolIsNotWaitedForWhenTheProducerDoesNotTakeRecords() {
        FullSpool full = fill();
        full.capped.kafkaAnswering(false, full.ticker.nanos());

        assertTrue(full.capped.appendFromLogging(1L, FullSpool.next()));
        assertEquals(1, full.spoolFullDrops());
    }

    private FullSpool fill() {
        return new FullSpool(new MemorySpool("test"), dir, Durability.DISK);
    }
}
