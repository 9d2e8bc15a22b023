package dev.kafkaspool.benchmarks;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

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
