package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One broker's life as child processes in its data dir: formatting its storage, starting its JVM
 * (again and again, on the same configuration and data), waiting until it is ready, stopping and
 * killing it. Every failure quotes the end of the broker log.
 */
final class BrokerProcess {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final BrokerFiles files;
    private final String maxHeap;
    private BrokerJvm jvm;
    private int runs;

    /** A broker whose files are {@code files} and whose JVMs have a heap of at most {@code maxHeap}. */
    BrokerProcess(BrokerFiles files, String maxHeap) {
        this.files = files;
        this.maxHeap = maxHeap;
    }

    /** The broker's files. */
    BrokerFiles files() {
        return files;
    }

    /**
     * Formats the storage for the cluster {@code clusterId}, with {@code extraArguments} after the
     * standard ones, and waits for the format tool to finish.
     */
    void formatStorage(String clusterId, List<String> extraArguments) {
        files.appendToLog(marker("formatting storage"));
        List<String> arguments = new ArrayList<>(List.of("format",
                "--cluster-id", clusterId, "--config", files.serverProperties().toString()));
        arguments.addAll(extraArguments);
        BrokerJvm format = BrokerJvm.launch(files, maxHeap, "kafka.tools.StorageTool", arguments);
        if (!format.awaitExit(FORMAT_TIMEOUT)) {
            format.kill();
            throw failure("Formatting the broker storage did not finish within " + FORMAT_TIMEOUT.toSeconds() + " s", null);
        }
        if (format.exitCode() != 0) {
            throw failure("Formatting the broker storage failed with exit code " + format.exitCode(), null);
        }
    }

    /** Starts the broker's JVM without waiting for it; see {@link #awaitReady}. */
    void launch() {
        runs++;
        files.appendToLog(marker("starting the broker, run " + runs));
        jvm = BrokerJvm.launch(files, maxHeap, "kafka.Kafka", List.of(files.serverProperties().toString()));
    }

    /**
     * Waits until {@code check} finds the launched broker ready; kills it and throws, quoting its
     * log, if it is not ready within {@code timeout}. {@code name} says which broker in the message.
     */
    void awaitReady(ReadinessCheck check, Duration timeout, String name) {
        try {
            check.awaitReady(jvm, timeout);
        } catch (RuntimeException e) {
            jvm.kill();
            throw failure("The Kafka broker " + name + " did not become ready: " + e.getMessage(), e);
        }
    }

    /** Stops the broker in order (SIGTERM), and kills it if it has not exited after {@code grace}. */
    void stop(Duration grace) {
        if (isRunning()) {
            jvm.terminate(grace);
        }
    }

    /** Kills the broker's JVM at once (kill -9) and waits until it is gone. */
    void kill() {
        if (isRunning()) {
            jvm.kill();
        }
    }

    /** Stops the broker's JVM in its tracks (SIGSTOP): its sockets stay open, nothing answers. */
    void pause() {
        if (isRunning()) {
            jvm.signal("STOP");
        }
    }

    /** Lets a paused JVM go on (SIGCONT). */
    void resume() {
        if (isRunning()) {
            jvm.signal("CONT");
        }
    }

    /** Whether the broker's JVM is running (it may not be ready yet, or any more). */
    boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    private String marker(String event) {
        return "===== " + Instant.now() + " kafka-spool test broker: " + event + " =====";
    }

    private IllegalStateException failure(String message, Throwable cause) {
        return new IllegalStateException(message + System.lineSeparator()
                + "Last lines of " + files.brokerLog() + ":" + System.lineSeparator()
                + LogTail.of(files.brokerLog(), LOG_LINES_IN_ERRORS), cause);
    }
}
