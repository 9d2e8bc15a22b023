package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Stop is bounded, idempotent, keeps what it could not ship, and counts what comes after it. */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StopTest {
    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    StopTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void stopWithTheBrokerDownFinishesInTimeAndKeepsEveryEventInTheSpool() {
        String topic = "stop-broker-down";
        broker.createTopic(topic, 1);
        broker.stop();
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY).build();
        SpoolEngine engine = TestConfigs.start(config, new RecordingStatus());
        new TestEvents(engine, topic, 100).submitRange(1, 1_000);

        assertTrue(engine.stop(Duration.ofSeconds(2)), "stop finished within its timeout");
        assertTrue(engine.stop(Duration.ofSeconds(2)), "a second stop is harmless");
        assertFalse(engine.submit(Events.event(engine.nextSequence(), "late")), "events after stop are refused");
        EngineStats stopped = engine.stats();
        assertEquals(1_000, stopped.spoolRecords(), stopped.toString());
        assertEquals(1, stopped.dropped(DropReason.STOPPED), stopped.toString());
        assertEquals(EngineState.STOPPED, engine.state());

        broker.restart();
        try (SpoolEngine next = TestConfigs.start(config, new RecordingStatus())) {
            Await.shipped(next, 1_000);
            Delivery d = Delivery.of(broker.consume(topic, 1_000, Duration.ofSeconds(60)));
            assertEquals(List.of(), d.missing(1, 1_000), d.toString());
            assertTrue(d.problems.isEmpty(), d.toString());
        }
    }

    @Test
    void stopWithTheBrokerUpShipsWhatIsInMemory() {
        String topic = "stop-broker-up";
        broker.createTopic(topic, 1);
        SpoolEngine engine = TestConfigs.start(
                TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.MEMORY).build(), new RecordingStatus());
        Await.until(() -> engine.state() == EngineState.SHIPPING || engine.state() == EngineState.STARTING,
                Duration.ofSeconds(30), engine::toString);
        new TestEvents(engine, topic, 100).submitRange(1, 2_000);

        assertTrue(engine.stop(Duration.ofSeconds(30)));
        EngineStats stats = engine.stats();
        assertEquals(2_000, stats.shipped() + stats.spoolRecords(), stats.toString());
        Delivery d = Delivery.of(broker.consume(topic, (int) stats.shipped(), Duration.ofSeconds(60)));
        assertEquals(stats.shipped(), d.numbers.size(), d.toString());
    }
}
