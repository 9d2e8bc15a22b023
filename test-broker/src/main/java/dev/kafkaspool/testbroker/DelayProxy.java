package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on the loopback that holds every chunk of bytes for a set time in each direction,
 * in order, so a broker behind it is as far away as a round trip of twice that delay. It stands in
 * for a network delay where the kernel's traffic control is not available. Each connection gets a
 * reading and a writing thread per direction; bytes are never reordered.
 */
public final class DelayProxy implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final ServerSocket server;
    private final int targetPort;
    private volatile long oneWayNanos;
    private final Thread acceptor;

    private DelayProxy(ServerSocket server, int targetPort, long oneWayNanos) {
        this.server = server;
        this.targetPort = targetPort;
        this.oneWayNanos = oneWayNanos;
        this.acceptor = new Thread(this::accept, "delay-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A proxy to {@code targetPort} on the loopback, adding no delay until {@link #roundTrip} says;
     * the target need not listen yet: each accepted connection connects to it then.
     */
    public static DelayProxy start(int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new DelayProxy(server, targetPort, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, each chunk waits half of {@code roundTripMillis} in each direction. */
    public void roundTrip(double roundTripMillis) {
        oneWayNanos = (long) (roundTripMillis * 1_000_000 / 2);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Copies {@code from} to {@code to}, each chunk written {@link #oneWayNanos} after it was read. */
    private void pipe(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 << 10];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    chunks.add(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the connection closed
            }
            chunks.add(new Chunk(System.nanoTime() + oneWayNanos, END));
        }, "delay-proxy-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = chunks.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] bytes = chunk.bytes();
                    if (bytes == END) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(bytes);
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "delay-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /** Bytes read, and when they are due at the other side. */
    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
