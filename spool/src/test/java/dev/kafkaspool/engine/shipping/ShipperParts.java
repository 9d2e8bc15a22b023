package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.Events;
import dev.kafkaspool.engine.ManualTicker;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.MemorySpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipper's parts, built as the shipper builds them, for tests that drive them on the test's
 * thread: a memory spool and memory parked stores, a manual clock, and a mock producer whose buffer
 * the test fills and whose answers it gives, which Kafka has acknowledged a record from on the test
 * topic's partition ({@link FirstBatches}).
 */
final class ShipperParts {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    final ManualTicker ticker = new ManualTicker();
    final EngineCounters counters = new EngineCounters();
    final ProblemReporter problems = new ProblemReporter("test", new RecordingStatus(), counters, ticker);
    final FullableProducer producer = new FullableProducer(false);
    final ParkedTopics parked;
    final CappedSpool capped;
    final Shipment s;
    final ShipperState state;
    final Answers answers;
    final Trouble trouble;
    final MetadataWait metadata;
    final Sender sender;
    final ParkedShipping parkedShipping;
    final SpoolDrain drain;

    ShipperParts(Path dir) {
        SpoolConfig config = TestConfigs.config("127.0.0.1:1", dir, Durability.MEMORY).build();
        parked = new ParkedTopics(null, 1 << 20, problems, ticker);
        capped = new CappedSpool(new MemorySpool("test"), parked, 1 << 20, config, counters, ticker, problems);
        ProducerLifecycle producers = new ProducerLifecycle("test", props -> producer,
                Map.of("client.id", "test", "bootstrap.servers", "127.0.0.1:1"), List.of(), problems);
        s = new Shipment(null, capped, producers, new ProducerRecords(Map.of(), 1L), counters, problems,
                ticker, 1L, 10 * SECOND, SECOND / 10, 1 << 20, ticker.nanos());
        state = new ShipperState(s.spool, problems, ticker, false, ticker.nanos(), 10 * SECOND);
        answers = new Answers(s);
        trouble = new Trouble(s, answers, state);
        metadata = new MetadataWait(s, answers, trouble);
        sender = new Sender(s, answers, trouble, metadata);
        parkedShipping = new ParkedShipping(s, sender, trouble);
        drain = new SpoolDrain(s, sender, parkedShipping, state);
        s.producer = new ShippingProducer(producer, Thread.currentThread(), problems);
        acknowledgedOn(s.producer, Events.TOPIC);
    }

    /**
     * Kafka has acknowledged a record of {@code producer}'s, now, on each topic's partition: the
     * tests hold records in flight unanswered, which a partition's first record would not allow.
     */
    void acknowledgedOn(ShippingProducer producer, String... topics) {
        for (String topic : topics) {
            producer.firstBatches().acknowledged(topic, 0, ticker.nanos());
        }
    }
}
