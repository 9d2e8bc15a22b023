package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The promises that matter most, against a real broker that is stopped and killed. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokerOutageTest {
    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    BrokerOutageTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void eventsLoggedWhileTheBrokerIsDownAtStartAllArriveInOrder(Durability durability) {
        String topic = "down-at-start-" + durability;
        broker.createTopic(topic, 3);
        broker.stop();
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, durability).build(), status);
        try {
            int taken = new TestEvents(engine, topic, 100).submitRange(1, 10_000);

            // Every log call returned while the broker was still down: none waited for it.
            assertFalse(broker.isRunning());
            assertEquals(10_000, taken);
            Await.until(() -> engine.stats().spoolEvents() == 10_000, Duration.ofSeconds(60),
                    () -> "all events spooled, stats " + engine.stats());

            broker.restart();
            EngineAwait.shipped(engine, 10_000);
            Delivery d = Delivery.of(broker.consume(topic, 10_000, Duration.ofSeconds(60)));

            assertEquals(java.util.List.of(), d.missing(1, 10_000), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            EngineStats stats = engine.stats();
            assertEquals(10_000, stats.shipped());
            assertEquals(10_000, stats.drained());
            assertEquals(0, stats.droppedTotal());
            assertEquals(0, stats.spoolEvents());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aBrokerKilledMidStreamLosesNothingAndKeepsOrder(Durability durability) throws Exception {
        String topic = "killed-" + durability;
        broker.createTopic(topic, 3);
        RecordingStatus status = new RecordingStatus();
        SpoolEngine engine = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, durability).build(), status);
        AtomicLong logged = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicBoolean keepLogging = new AtomicBoolean(true);
        Thread logger = new Thread(() -> {
            TestEvents events = new TestEvents(engine, topic, 200);
            long n = 0;
            while (keepLogging.get()) {
                // A steady 2,000 events/s in bursts of 20.
                for (int i = 0; i < 20; i++) {
                    if (!events.submit(++n)) {
                        refused.incrementAndGet();
                    }
                }
                logged.set(n);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-logger");
        try {
            logger.start();
            Await.until(() -> engine.stats().shipped() > 2_000, Duration.ofSeconds(60),
                    () -> "shipping before the kill, stats " + engine.stats());

            broker.kill();
            long atKill = logged.get();
            Await.until(() -> logged.get() > atKill + 4_000, Duration.ofSeconds(60), () -> "logging goes on");
            // Nothing logged since the kill can be acknowledged: all of it waits in the spool.
            Await.until(() -> engine.stats().spoolEvents() >= 4_000, Duration.ofSeconds(60),
                    () -> "the events logged since the kill wait in the spool, stats " + engine.stats());
            Await.until(() -> engine.state() == EngineState.SPOOLING, Duration.ofSeconds(60),
                    () -> "the kill was noticed, state " + engine.state() + ", stats " + engine.stats());

            broker.restart();
            long atRestart = logged.get();
            Await.until(() -> logged.get() > atRestart + 2_000, Duration.ofSeconds(60), () -> "logging goes on");
            keepLogging.set(false);
            logger.join();

            long total = logged.get();
            EngineAwait.shipped(engine, total);
            Delivery d = Delivery.of(broker.consume(topic, (int) total, Duration.ofSeconds(60)));

            assertEquals(0, refused.get(), "no log call was refused");
            assertEquals(java.util.List.of(), d.missing(1, total), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            EngineStats stats = engine.stats();
            assertEquals(total, stats.accepted());
            assertEquals(total, stats.shipped());
            assertEquals(0, stats.droppedTotal());
            System.out.println(durability + ": " + d + "; " + stats);
        } finally {
            keepLogging.set(false);
            logger.join();
            engine.stop(Duration.ofSeconds(10));
        }
    }
}
