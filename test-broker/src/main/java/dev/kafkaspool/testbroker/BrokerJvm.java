package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one of the broker's main classes on the broker classpath, with its output
 * appended to the broker log. It uses the same Java installation as the JVM that starts it.
 */
final class BrokerJvm {

    /**
     * Flags measured to start the broker faster than the defaults (about half a second out of
     * three) and to keep it light on a small machine; a test broker needs no peak throughput.
     */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;

    private BrokerJvm(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a child JVM working in the broker's data dir,
     * with a heap of at most {@code maxHeap} (a {@code -Xmx} value such as {@code 512m}).
     */
    static BrokerJvm launch(BrokerFiles files, String maxHeap, String mainClass, List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(command(files, maxHeap, mainClass, args))
                .directory(files.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.brokerLog().toFile()));
        try {
            Process process = builder.start();
            ChildProcessReaper.watch(process);
            return new BrokerJvm(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a JVM for " + mainClass, e);
        }
    }

    private static List<String> command(BrokerFiles files, String maxHeap, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(JVM_FLAGS);
        command.add("-Dlog4j2.configurationFile=" + files.loggingConfig());
        command.add("-cp");
        command.add(BrokerClasspath.get());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Whether the JVM is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a JVM that has exited. */
    int exitCode() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the JVM to exit; returns whether it did. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker JVM to exit", e);
        }
    }

    /**
     * Asks the JVM to stop (SIGTERM, which runs the broker's orderly shutdown) and waits up to
     * {@code grace} for it; kills it if it is still running then.
     */
    void terminate(Duration grace) {
        process.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /**
     * Sends the JVM a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill}
     * command and waits for the command to finish; throws if it fails.
     */
    void signal(String name) {
        ProcessBuilder builder = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true);
        try {
            Process kill = builder.start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + name + " to the broker JVM", e);
        }
    }

    /** Kills the JVM at once (SIGKILL) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed broker JVM to exit", e);
        }
    }
}
