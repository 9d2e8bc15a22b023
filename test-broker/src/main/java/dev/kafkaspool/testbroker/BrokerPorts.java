package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The loopback ports of a broker: one for clients (plaintext), one for its KRaft controller, and
 * one for the secured client listener of a broker started with a {@link BrokerSecurity}.
 * Picked once and kept, so that a restarted broker is found at the same address.
 */
record BrokerPorts(int client, int controller, int secured) {

    /** The address the broker listens on. */
    static final String HOST = "127.0.0.1";

    /**
     * Asks the operating system for three ports that are free right now. The sockets are held open
     * together so the ports differ, then released for the broker to bind.
     */
    static BrokerPorts pickFree() {
        try (ServerSocket client = bindAnyPort(); ServerSocket controller = bindAnyPort();
             ServerSocket secured = bindAnyPort()) {
            return new BrokerPorts(client.getLocalPort(), controller.getLocalPort(), secured.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on " + HOST, e);
        }
    }

    private static ServerSocket bindAnyPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(HOST));
    }
}
