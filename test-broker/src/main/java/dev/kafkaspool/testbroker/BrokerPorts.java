package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Ports for {@code brokers} brokers of one cluster, all different: every socket is held open
     * until all are picked, then released together.
     */
    static List<BrokerPorts> pickFree(int brokers) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<BrokerPorts> picked = new ArrayList<>();
            for (int i = 0; i < brokers; i++) {
                ServerSocket client = hold(held);
                ServerSocket controller = hold(held);
                ServerSocket secured = hold(held);
                picked.add(new BrokerPorts(client.getLocalPort(), controller.getLocalPort(), secured.getLocalPort()));
            }
            return picked;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports on " + HOST, e);
        } finally {
            held.forEach(BrokerPorts::release);
        }
    }

    private static ServerSocket hold(List<ServerSocket> held) throws IOException {
        ServerSocket socket = bindAnyPort();
        held.add(socket);
        return socket;
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The port is released when this JVM exits; nothing else to do.
        }
    }

    private static ServerSocket bindAnyPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName(HOST));
    }
}
