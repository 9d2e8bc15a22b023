package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application is killed with -9 and restarted on the same spool five times while the broker
 * is down (disk durability); then the broker comes back. Every event whose log call returned in
 * any of the five processes arrives; duplicates only under one event id.
 */
@Tag("process")
@Tag("slow")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RepeatedCrashTest {
    private static final int RUNS = 5;
    /** Numbers a run may have logged without saying so before it was killed; the next run starts past them. */
    private static final long GAP = 100_000;

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    RepeatedCrashTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void fiveKillsWhileTheBrokerIsDownLoseNothingWhoseLogCallReturned() throws Exception {
        String topic = "repeated-crash";
        broker.createTopic(topic, 1);
        broker.stop();
        Path spool = dir.resolve("spool");
        List<long[]> returned = new ArrayList<>();
        long first = 1;
        for (int run = 0; run < RUNS; run++) {
            try (ChildApplication child = ChildApplication.start(ChildApplication.chronicleFlags(),
                    broker.bootstrapServers(), spool, Durability.DISK, topic, 0, false, first,
                    dir.resolve("child-" + run + ".err"))) {
                long target = first + 2_000;
                Await.until(() -> child.lastTaken() >= target || !child.isAlive(), Duration.ofSeconds(120),
                        () -> "the child logs: " + child.lines());
                assertTrue(child.isAlive(), "the child runs: " + child.lines());
                child.kill();
                returned.add(new long[] {first, child.lastTaken()});
                first = child.lastTaken() + GAP;
            }
        }

        broker.restart();
        long expected = 0;
        for (long[] r : returned) {
            expected += r[1] - r[0] + 1;
        }
        try (SpoolEngine next = TestConfigs.start(TestConfigs.config(broker.bootstrapServers(), spool,
                Durability.DISK).build(), new RecordingStatus())) {
            Await.until(() -> next.stats().spoolEvents() == 0 && next.stats().shipped() > 0, Duration.ofSeconds(120),
                    () -> "the spool empties: " + next.stats());
            EngineStats stats = next.stats();
            assertEquals(0, stats.droppedTotal(), stats.toString());
            Delivery d = Delivery.of(broker.consume(topic, (int) stats.shipped(), Duration.ofSeconds(90)));
            for (long[] r : returned) {
                assertEquals(List.of(), d.missing(r[0], r[1]), "run from " + r[0] + ": " + d);
            }
            assertTrue(d.problems().isEmpty(), d.toString());
            System.out.println("RepeatedCrashTest: " + RUNS + " kills, " + expected + " log calls returned, "
                    + stats.shipped() + " shipped from the spool, " + d);
        }
    }
}
