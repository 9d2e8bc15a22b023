package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's wall clock, which its disk spool's files roll by, goes forward across rolls, back
 * by three hours, and forward again, with a real broker that is up, then stopped, then back:
 * every event arrives, in logging order, and none is dropped.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClockStepTest {
    private static final long ROLL_MILLIS = ChronicleSpool.ROLL_CYCLE.lengthInMillis();
    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    ClockStepTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aWallClockSetBackByHoursLosesNothingAndKeepsOrder() throws Exception {
        String topic = "clock-step";
        broker.createTopic(topic, 1);
        SteppedClock clock = new SteppedClock();
        SpoolEngine engine = SpoolEngine.builder(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK).build())
                .status(new RecordingStatus()).ticker(clock).start();
        try {
            TestEvents events = new TestEvents(engine, topic, 100);
            long n = 0;
            for (int roll = 0; roll < 3; roll++) {
                n += events.submitRange(n + 1, n + 500);
                EngineAwait.shipped(engine, n);
                clock.step(ROLL_MILLIS + 1000);
            }
            clock.step(-TimeUnit.HOURS.toMillis(3));
            n += events.submitRange(n + 1, n + 500);
            broker.stop();
            n += events.submitRange(n + 1, n + 500);
            clock.step(ROLL_MILLIS + 1000);
            n += events.submitRange(n + 1, n + 500);
            System.out.println("clock set back, broker down: files " + queueFiles() + ", stats " + engine.stats());
            broker.restart();
            clock.step(TimeUnit.HOURS.toMillis(4));
            n += events.submitRange(n + 1, n + 500);
            long logged = n;
            Await.until(() -> engine.stats().shipped() >= logged, Duration.ofSeconds(60),
                    () -> "all " + logged + " events shipped, stats " + engine.stats() + ", files " + queueFiles());
            Delivery d = Delivery.of(broker.consume(topic, (int) logged, Duration.ofSeconds(60)));
            System.out.println("clock step: logged " + logged + ", " + d + "; " + engine.stats());

            assertEquals(List.of(), d.missing(1, logged), d.toString());
            assertTrue(d.problems().isEmpty(), "in logging order: " + d);
            EngineStats stats = engine.stats();
            assertEquals(logged, stats.accepted());
            assertEquals(logged, stats.shipped());
            assertEquals(0, stats.droppedTotal());
            assertEquals(0, stats.spoolEvents());
        } finally {
            engine.stop(Duration.ofSeconds(10));
        }
    }

    private String queueFiles() {
        try (Stream<Path> files = Files.walk(spoolDir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cq4")).sorted()
                    .collect(Collectors.toList()).toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** The system's clocks, with the wall clock stepped by the test. */
    private static final class SteppedClock implements Ticker {
        private volatile long offsetMillis;

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offsetMillis;
        }

        void step(long millis) {
            offsetMillis += millis;
        }
    }
}
