package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full spool applies its policy, and the counters say exactly what arrived and what was dropped.
 * The spool is filled by an engine whose cluster is out of reach (its producer cannot be created),
 * then shipped into the real broker by a second engine on the same directory.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SpoolCapTest {
    private static final int EVENTS = 3_000;
    private static final int PADDING = 1_000;

    private final KafkaBroker broker;

    @TempDir
    Path spoolDir;

    SpoolCapTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(FullPolicy.class)
    void aFullSpoolDropsByItsPolicyAndEveryEventIsAccountedFor(FullPolicy policy) {
        String topic = "cap-" + policy.configName();
        broker.createTopic(topic, 1);
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, Durability.DISK)
                .set(EngineSettings.MAX_BYTES, 1L << 20)
                .set(EngineSettings.FULL_POLICY, policy)
                .set(EngineSettings.BLOCK_TIMEOUT, Duration.ofMillis(5))
                .build();

        SpoolEngine filler = TestConfigs.startWithoutKafka(config, new RecordingStatus());
        new TestEvents(filler, topic, PADDING).submitRange(1, EVENTS);
        filler.stop(Duration.ofSeconds(5));
        EngineStats filled = filler.stats();
        long kept = filled.spoolEvents();
        long dropped = filled.dropped(DropReason.SPOOL_FULL);
        assertEquals(EVENTS, kept + dropped, filled.toString());
        assertTrue(kept > 0 && dropped > 0, filled.toString());
        assertTrue(filled.spoolBytes() <= 1L << 20, filled.toString());

        try (SpoolEngine shipper = TestConfigs.start(config, new RecordingStatus())) {
            EngineAwait.shipped(shipper, kept);
            Delivery d = Delivery.of(broker.consume(topic, (int) kept, Duration.ofSeconds(60)));
            assertEquals(kept, d.numbers().size(), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            List<Long> expected = policy == FullPolicy.DROP_OLDEST
                    ? LongStream.rangeClosed(EVENTS - kept + 1, EVENTS).boxed().collect(Collectors.toList())
                    : LongStream.rangeClosed(1, kept).boxed().collect(Collectors.toList());
            assertEquals(expected, List.copyOf(d.numbers()), policy + " keeps " + (policy == FullPolicy.DROP_OLDEST
                    ? "the newest" : "the oldest") + " events");
        }
    }
}
