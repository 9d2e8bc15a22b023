package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The two loopback ports of a broker: one for clients, one for its KRaft controller.
 * Picked once and kept, so that a restarted broker is found at the same address.
 */
record BrokerPorts(int client, int controller) {

    /** The address the broker listens on. */
    static final String HOST = "127.0.0.1";

    /**
     * Asks the operating system for two ports that are free right now. Both sockets are held open
     * together so the two ports differ, then released for the broker to bind.
     */
    static BrokerPorts pickFree() {
        try (ServerSocket client = bindAnyPort(); ServerSocket controller = bindAnyPort()) {
            return new BrokerPorts(client.getLocalPort(), controller.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on " + HOST, e);
        }
    }

    private static ServerSocket bindAnyPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(HOST));
    }
}
