package dev.kafkaspool.benchmarks;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The broker state a benchmark runs in: {@code down} is a local port nothing listens on (every
 * connection is refused at once), {@code up} a real single-node KRaft broker in a child JVM
 * with the benchmark topic created.
 */
final class Kafka implements AutoCloseable {
    static final String TOPIC = "bench";

    private final KafkaBroker broker;
    private final String bootstrapServers;

    private Kafka(KafkaBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    static Kafka start(String state, Path dataDir) {
        switch (state) {
            case "down":
                return new Kafka(null, "127.0.0.1:" + closedPort());
            case "up":
                KafkaBroker broker = KafkaBroker.start(dataDir);
                broker.createTopic(TOPIC, 1);
                return new Kafka(broker, broker.bootstrapServers());
            default:
                throw new IllegalArgumentException("kafka must be 'down' or 'up', not '" + state + "'");
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Reads the benchmark topic from its beginning until {@code expected} records (the broker must be up). */
    List<ConsumerRecord<byte[], byte[]>> consume(int expected, Duration timeout) {
        if (broker == null) {
            throw new IllegalStateException("no broker to read from: kafka is down");
        }
        return broker.consume(TOPIC, expected, timeout);
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }

    /** A port that was free a moment ago: bound, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
