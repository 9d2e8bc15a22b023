package dev.kafkaspool.benchmarks;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.ProducerSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
import dev.kafkaspool.testbroker.FarBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Acknowledged throughput against a broker that is far away ({@link FarBroker}: one more listener,
 * reached only through a loopback proxy that adds a round trip of {@code roundTripsMs}, default 0,
 * 2, 10, 50 ms, and advertised as the proxy), so every request of every client goes
 * through the delay. For each round trip, {@code events} (default 100,000) 300-byte events are
 * sent three ways, one after the other: through the engine (memory durability, its own producer
 * settings: five requests in flight per connection), and by a bare {@code KafkaProducer} loop with
 * the engine's producer defaults and one request in flight, then five (Kafka's default). The
 * topic has three partitions on the one broker. Throughput is counted from the first send to the
 * last acknowledgement. A first round without delay warms the JVM up and is not reported. A system
 * property {@code producer.<key>} sets that producer property for all three senders (e.g.
 * {@code -Dproducer.batch.size=131072}). Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.kafkaspool.benchmarks.FarBrokerReport} (after building the jar, see docs/benchmarks.md).
 */
public final class FarBrokerReport {
    private static final String TOPIC = Kafka.TOPIC;
    /** Producer properties for all three senders: every system property {@code producer.<key>}. */
    private static final Map<String, String> PRODUCER_OVERRIDES = producerOverrides();

    private FarBrokerReport() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 100_000);
        String[] roundTrips = System.getProperty("roundTripsMs", "0,2,10,50").split(",");
        Path work = Files.createTempDirectory("far-broker");
        List<String> rows = new ArrayList<>();
        try (FarBroker far = FarBroker.start(work.resolve("broker"), 0)) {
            far.broker().createTopic(TOPIC, 3);
            // A first round without delay, not reported, so that no reported round pays for the JIT.
            measure(far.bootstrapServers(), work, 0, events);
            for (String roundTrip : roundTrips) {
                double rtt = Double.parseDouble(roundTrip.trim());
                far.roundTrip(rtt);
                rows.add(measure(far.bootstrapServers(), work, rtt, events));
            }
        }
        System.out.println();
        System.out.println("| added round trip | engine (" + ProducerSettings.OWNED.get("max.in.flight.requests.per.connection")
                + " in flight) | bare producer, 1 in flight | bare producer, 5 in flight |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** One row: events per second acknowledged by each of the three senders, through a proxy of {@code rtt}. */
    private static String measure(String bootstrap, Path work, double rtt, int events) throws Exception {
        double engine = engine(bootstrap, work.resolve("spool-" + rtt + "-" + System.nanoTime()), events);
        double bareOne = bare(bootstrap, events, 1);
        double bareFive = bare(bootstrap, events, 5);
        String row = String.format("| %s ms | %,.0f events/s | %,.0f events/s | %,.0f events/s |",
                rtt, engine, bareOne, bareFive);
        System.out.println(row);
        return row;
    }

    private static double engine(String bootstrap, Path spoolDir, int events) {
        SpoolConfig.Builder builder = SpoolConfig.builder();
        PRODUCER_OVERRIDES.forEach(builder::producerProperty);
        SpoolConfig config = builder
                .set(EngineSettings.NAME, "far")
                .set(EngineSettings.BOOTSTRAP_SERVERS, bootstrap)
                .set(EngineSettings.SPOOL_DIR, spoolDir)
                .set(EngineSettings.DURABILITY, Durability.MEMORY)
                .set(EngineSettings.MAX_BYTES, 4L << 30)
                .build();
        SpoolEngine engine = SpoolEngine.builder(config).status(StatusListener.toStandardError()).start();
        try {
            LogEvent event = new LogEvent();
            event.setUp();
            event.submit(engine);
            awaitShipped(engine, 1);
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                event.submit(engine);
            }
            EngineStats stats = awaitShipped(engine, events + 1L);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (stats.droppedTotal() > 0) {
                System.out.println("  engine dropped " + stats.droppedTotal() + ": " + stats);
            }
            return events / seconds;
        } finally {
            engine.stop(Duration.ofSeconds(30));
        }
    }

    private static Map<String, String> producerOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("producer."))
                .forEach(k -> overrides.put(k.substring("producer.".length()), System.getProperty(k)));
        return overrides;
    }

    private static EngineStats awaitShipped(SpoolEngine engine, long count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            EngineStats stats = engine.stats();
            if (stats.shipped() >= count) {
                return stats;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not shipped in 10 minutes: " + stats);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static double bare(String bootstrap, int events, int inFlight) throws Exception {
        Map<String, Object> props = new HashMap<>(ProducerSettings.DEFAULTS);
        props.putAll(PRODUCER_OVERRIDES);
        props.put("bootstrap.servers", bootstrap);
        props.put("max.in.flight.requests.per.connection", String.valueOf(inFlight));
        props.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        byte[] value = LogEvent.value();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(TOPIC, value)).get();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(TOPIC, value));
            }
            producer.flush();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }
}
