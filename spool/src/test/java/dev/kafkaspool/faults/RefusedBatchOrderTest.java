package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineAwait;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.TestConfigs;
import dev.kafkaspool.engine.TestEvents;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kafka fails batches for good in the middle of a fast stream to one partition, logged flat out in
 * small batches (no linger, 8 KiB), so that the producer holds many at a time:
 *
 * <ul>
 *   <li>every 2,000th event is three hours old, a timestamp the broker refuses
 *       ({@code log.message.timestamp.before.max.ms} of an hour), and with it the rest of its
 *       batch; the events are sent again with the send time (restamped);
 *   <li>the first 30 events are three hours old, as events spooled through a long outage are: the
 *       first batch of a new producer is refused. With five requests in flight per connection and
 *       the producer's first record on the partition not going alone ({@code FirstBatches}), this
 *       case failed in every run: the broker wrote the producer's next batch, whose timestamps it
 *       takes, before the refused events came again (it checks an idempotent producer's sequence
 *       only once it has written a batch of that producer);
 *   <li>the topic takes batches of at most 4 KiB ({@code max.message.bytes}), half the producer's
 *       (uncompressed) batches, so the producer splits them and sends the halves again.
 * </ul>
 *
 * Every event arrives, the first copy of each in logging order, none dropped, and nothing is taken
 * for Kafka being unavailable: a refused timestamp is known as such even when the shipper finds the
 * producer closed before the refused record's callback has run (its batch mates' failures come
 * first), or when the closed producer refuses the shipper's next record at once.
 */
@Tag("broker")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RefusedBatchOrderTest {
    private static final long HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final int EVENTS = 30_000;
    private static final int OLD_EVERY = 2_000;
    private static final int OLD_FIRST = 30;

    @RegisterExtension
    static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.withConfig(
            Map.of("log.message.timestamp.before.max.ms", String.valueOf(HOUR_MILLIS)));

    private final KafkaBroker broker;
    /** The engine's producers, for their metrics. */
    private final List<Producer<byte[], byte[]>> producers = new CopyOnWriteArrayList<>();

    @TempDir
    Path spoolDir;

    RefusedBatchOrderTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void batchesRefusedForGoodInTheStreamKeepOrderWithoutAnOutage(Durability durability) {
        String topic = "refused-in-stream-" + durability;
        broker.createTopic(topic, 1);
        EngineStats stats = logFlatOut(topic, durability, n -> n % OLD_EVERY == 0);
        assertEquals(EVENTS / OLD_EVERY, stats.restamped(), "the old events only: " + stats);
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aNewProducersFirstBatchRefusedForGoodKeepsOrder(Durability durability) {
        String topic = "refused-first-" + durability;
        broker.createTopic(topic, 1);
        EngineStats stats = logFlatOut(topic, durability, n -> n <= OLD_FIRST);
        assertEquals(OLD_FIRST, stats.restamped(), "the old events only: " + stats);
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void batchesSplitByTheProducerKeepOrder(Durability durability) {
        String topic = "split-batches-" + durability;
        broker.createTopic(topic, 1, Map.of("max.message.bytes", "4096"));
        logFlatOut(topic, durability, n -> false);
        double splits = producers.stream().mapToDouble(p -> total(p, "batch-split-total")).sum();
        System.out.println("refused batch order, " + topic + ": " + (long) splits + " batches split");
        assertTrue(splits > 0, "the producer split batches: " + splits);
    }

    private EngineStats logFlatOut(String topic, Durability durability, LongPredicate old) {
        RecordingStatus status = new RecordingStatus();
        List<String> inFlight = new CopyOnWriteArrayList<>();
        long threeHoursAgo = System.currentTimeMillis() - 3 * HOUR_MILLIS;
        SpoolConfig config = TestConfigs.config(broker.bootstrapServers(), spoolDir, durability)
                .producerProperty("linger.ms", "0")
                .producerProperty("batch.size", "8192")
                .producerProperty("compression.type", "none") // batches over the topic's 4 KiB, uncompressed
                .build();
        try (SpoolEngine engine = SpoolEngine.builder(config).status(status).producerFactory(props -> {
            inFlight.add(String.valueOf(props.get("max.in.flight.requests.per.connection")));
            KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(props);
            producers.add(p);
            return p;
        }).start()) {
            TestEvents events = new TestEvents(engine, topic, 100);
            int taken = 0;
            for (long n = 1; n <= EVENTS; n++) {
                if (events.submitAt(n, old.test(n) ? threeHoursAgo + n : System.currentTimeMillis())) {
                    taken++;
                }
            }
            assertEquals(EVENTS, taken, "every event taken");
            // The engine's own value, with which a refused first batch could be overtaken.
            assertEquals(Set.of("5"), Set.copyOf(inFlight), "requests in flight per connection");
            EngineAwait.shipped(engine, EVENTS);
            EngineStats stats = engine.stats();
            System.out.println("refused batch order, " + topic + ": " + stats);
            assertEquals(EVENTS, stats.shipped(), stats.toString());
            assertEquals(0, stats.droppedTotal(), stats.toString());

            List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume(topic, EVENTS, Duration.ofSeconds(60));
            Delivery d = Delivery.of(arrived);
            assertEquals(List.of(), d.missing(1, EVENTS), d.toString());
            assertEquals(List.of(), d.problems(), d.toString());
            System.out.println("refused batch order, " + topic + ": " + d.records() + " records, "
                    + d.duplicates() + " copies");
            List<String> outages = status.messages().stream()
                    .filter(m -> m.contains("not taking events") || m.contains("parked")).toList();
            assertEquals(List.of(), outages, "no outage, nothing parked");
            return stats;
        }
    }

    private static double total(Producer<byte[], byte[]> producer, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : producer.metrics().entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics")) {
                Object v = e.getValue().metricValue();
                return v instanceof Number ? ((Number) v).doubleValue() : 0;
            }
        }
        return 0;
    }
}
