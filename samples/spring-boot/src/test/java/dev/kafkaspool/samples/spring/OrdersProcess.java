package dev.kafkaspool.samples.spring;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@link OrdersApplication} in a child JVM, as it is deployed: {@code java <flags> -cp <the
 * application's class path> ... <arguments>}, the class path being the test's without the test
 * classes. Follows what it prints (console appender, stdout and stderr merged).
 */
final class OrdersProcess implements AutoCloseable {
    /** The longest any wait lasts: a bound against hangs, never a timed assertion. */
    static final Duration HANG_BOUND = Duration.ofMinutes(2);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    final int httpPort;

    private OrdersProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.reader = new Thread(this::follow, "orders-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the application with these JVM flags and Spring arguments ({@code --key=value}), on a free HTTP port. */
    static OrdersProcess start(List<String> jvmFlags, String... springArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(applicationClasspath());
        command.add(OrdersApplication.class.getName());
        command.add("--server.port=" + port);
        command.addAll(Arrays.asList(springArguments));
        try {
            return new OrdersProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String applicationClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void follow() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("reader stopped: " + e);
        }
    }

    /** Waits until a printed line contains {@code text}, or the process ended; true when it was printed. */
    boolean awaitLine(String text) throws InterruptedException {
        return awaitLine(line -> line.contains(text));
    }

    boolean awaitLine(Predicate<String> wanted) throws InterruptedException {
        long end = System.nanoTime() + HANG_BOUND.toNanos();
        while (System.nanoTime() < end) {
            if (lines.stream().anyMatch(wanted)) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
                return lines.stream().anyMatch(wanted);
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Sends SIGTERM, as Kubernetes does to stop a pod, and waits for the exit; returns the exit
     * value. Through the process handle: {@code Process.destroy()} sends the same signal but also
     * closes the pipe, and what the application prints while it stops would be lost.
     */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** Waits for the process to exit by itself and for its output to be read; returns the exit value. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(HANG_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not exit:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything printed so far, for assertion messages. */
    String output() {
        return String.join("\n", lines);
    }

    /** Kills the process if it still runs, and copies its output to the test's output (the surefire report). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        System.out.println("---- application output ----\n" + output());
    }
}
