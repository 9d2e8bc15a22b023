package dev.kafkaspool.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An application in a child JVM ({@link LoggingApplication}) with one appender: started with the
 * appender's configuration file and only its framework on the class path, driven through its
 * standard input, its answers read from its standard output ({@link ApplicationProtocol}). Its
 * standard error (the frameworks' own messages) goes to a file in the work directory.
 */
final class ApplicationProcess implements AutoCloseable {
    private final Process process;
    private final Path errorLog;
    private final Writer commands;
    private final long startedAtNanos;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final Map<String, long[]> latencyByPhase = new ConcurrentHashMap<>();
    private volatile long readyAtNanos;

    private ApplicationProcess(Process process, Path errorLog, long startedAtNanos) {
        this.process = process;
        this.errorLog = errorLog;
        this.startedAtNanos = startedAtNanos;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts an application JVM.
     *
     * @param name names its error log and configuration copy in {@code workDir}
     * @param spoolDir the spool directory, for the appenders that have one
     */
    static ApplicationProcess start(AppenderCase appender, String name, Path workDir, String bootstrapServers,
            String topic, Path spoolDir) {
        try {
            Files.createDirectories(workDir);
            Path configuration = workDir.resolve(name + "-" + appender.configurationResource()
                    .substring(appender.configurationResource().lastIndexOf('/') + 1));
            try (InputStream in = ApplicationProcess.class.getResourceAsStream(appender.configurationResource())) {
                if (in == null) {
                    throw new IllegalStateException("Resource " + appender.configurationResource() + " is missing");
                }
                Files.copy(in, configuration, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ChildJvmFlags.get());
            command.add("-cp");
            command.add(ChildClasspath.of(appender.framework()));
            command.add("-D" + appender.framework().configurationProperty() + "=" + configuration);
            command.add("-Doutage.bootstrapServers=" + bootstrapServers);
            command.add("-Doutage.topic=" + topic);
            command.add("-Doutage.spoolDir=" + spoolDir);
            command.add("-D" + EventMessage.LENGTH_PROPERTY + "=" + EventMessage.length());
            command.add("-D" + LoggingApplication.DISTRIBUTIONS_PROPERTY + "="
                    + PlotDirectory.distributionPrefix(name, appender));
            appender.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add(appender.framework().mainClass());
            ProcessBuilder builder = new ProcessBuilder(command);
            Path errorLog = workDir.resolve(name + ".log");
            builder.redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
            long startedAt = System.nanoTime();
            ApplicationProcess started = new ApplicationProcess(builder.start(), errorLog, startedAt);
            started.readAnswers();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAnswers() {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    take(line);
                }
            } catch (IOException e) {
                // The process is gone: nothing more to read.
            }
        }, "read-application");
        reader.setDaemon(true);
        reader.start();
    }

    private void take(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length < 2 || !words[0].equals(ApplicationProtocol.REPORT)) {
            return;
        }
        String[] answer = Arrays.copyOfRange(words, 1, words.length);
        if (answer[0].equals(ApplicationProtocol.LATENCY)) {
            long[] numbers = new long[answer.length - 2];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = Long.parseLong(answer[i + 2]);
            }
            latencyByPhase.put(answer[1], numbers);
            return;
        }
        if (answer[0].equals(ApplicationProtocol.READY)) {
            readyAtNanos = System.nanoTime();
        }
        answers.put(answer[0], answer);
    }

    /** Sends one command line; the scenario's thread and a {@link ThroughputSampler} may both send. */
    synchronized void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The application is gone; command '" + command + "' not sent", e);
        }
    }

    /**
     * Waits for the answer of {@code kind} and returns its numbers (the words after the kind).
     *
     * @throws IllegalStateException if it did not come within {@code timeout} or the process ended
     */
    long[] await(String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            long[] numbers = answerIfAny(kind);
            if (numbers != null) {
                return numbers;
            }
            if (!process.isAlive() && !answers.containsKey(kind)) {
                Thread.sleep(200);
                if (!answers.containsKey(kind)) {
                    throw new IllegalStateException("The application exited (" + process.exitValue()
                            + ") before answering '" + kind + "'");
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("No '" + kind + "' from the application within " + timeout);
    }

    /**
     * Sends {@code command} and waits for a fresh answer of {@code kind} (one that came after the
     * command was sent), for one asker of that kind at a time.
     */
    long[] ask(String command, String kind, Duration timeout) throws InterruptedException {
        answers.remove(kind);
        send(command);
        return await(kind, timeout);
    }

    /** The numbers of the answer of {@code kind} if it has come, else null; does not wait. */
    long[] answerIfAny(String kind) {
        String[] answer = answers.get(kind);
        if (answer == null) {
            return null;
        }
        long[] numbers = new long[answer.length - 1];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Long.parseLong(answer[i + 1]);
        }
        return numbers;
    }

    /** Whether the JVM is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Why the JVM ended, for a report: its exit value and the last line it wrote to standard error
     * (an uncaught exception's message, typically).
     */
    String exitDescription() {
        String last = "";
        try {
            List<String> lines = Files.readAllLines(errorLog, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (!line.isBlank()) {
                    last = line.strip();
                }
            }
        } catch (IOException e) {
            last = "(its standard error could not be read: " + e + ")";
        }
        return "exit value " + (process.isAlive() ? "none yet" : String.valueOf(process.exitValue()))
                + (last.isEmpty() ? "" : "; last line on standard error: " + last);
    }

    /** Milliseconds from starting the JVM to its {@code ready} answer. */
    double startToReadyMillis() {
        return (readyAtNanos - startedAtNanos) / 1e6;
    }

    /** A phase's count, p50, p99, p99.9 and maximum call duration (ns), once the application stopped. */
    long[] latency(String phase) {
        return latencyByPhase.get(phase);
    }

    /** Waits for the process to end; true if it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills the JVM with SIGKILL (kill -9) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
