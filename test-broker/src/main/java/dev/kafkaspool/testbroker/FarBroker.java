package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * A broker that is far away: besides its own listener it has one more, reached only through a
 * {@link DelayProxy} on the loopback, and it advertises the proxy on it, so every request of a
 * client bootstrapped at {@link #bootstrapServers()} crosses the added round trip, metadata and
 * produce requests alike. {@link #broker()} is the broker itself, near, for setting up and
 * reading topics.
 */
public final class FarBroker implements AutoCloseable {
    private final DelayProxy proxy;
    private final KafkaBroker broker;

    private FarBroker(DelayProxy proxy, KafkaBroker broker) {
        this.proxy = proxy;
        this.broker = broker;
    }

    /** Starts a broker in {@code dataDir} whose far listener adds {@code roundTripMillis} to every round trip. */
    public static FarBroker start(Path dataDir, double roundTripMillis) {
        int farPort = freePort();
        DelayProxy proxy = DelayProxy.start(farPort);
        try {
            proxy.roundTrip(roundTripMillis);
            KafkaBroker broker = KafkaBroker.start(dataDir, Map.of(
                    "listeners", "PLAINTEXT://127.0.0.1:{client},CONTROLLER://127.0.0.1:{controller},FAR://127.0.0.1:"
                            + farPort,
                    "advertised.listeners", "PLAINTEXT://127.0.0.1:{client},FAR://127.0.0.1:" + proxy.port(),
                    "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,FAR:PLAINTEXT"));
            return new FarBroker(proxy, broker);
        } catch (RuntimeException | Error e) {
            proxy.close();
            throw e;
        }
    }

    /** The far listener's address, through the proxy. */
    public String bootstrapServers() {
        return "127.0.0.1:" + proxy.port();
    }

    /** From now on, the far listener adds {@code roundTripMillis} to every round trip. */
    public void roundTrip(double roundTripMillis) {
        proxy.roundTrip(roundTripMillis);
    }

    /** The broker, reached directly. */
    public KafkaBroker broker() {
        return broker;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            proxy.close();
        }
    }
}
