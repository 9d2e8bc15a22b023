package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.spool.chronicle.ChronicleDefaults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Starts {@link SpoolingApplication} in a child JVM and follows what it prints. */
public final class ChildApplication implements AutoCloseable {
    private final Process process;
    private final AtomicLong lastTaken = new AtomicLong();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildApplication(Process process) {
        this.process = process;
        this.reader = new Thread(this::follow, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child with the test JVM's classpath; {@code jvmFlags} replace the Chronicle flags. */
    public static ChildApplication start(List<String> jvmFlags, String bootstrap, Path spoolDir, Durability durability,
                                  String topic, long count, boolean waitUntilSpooled, Path stderr) throws IOException {
        return start(jvmFlags, bootstrap, spoolDir, durability, topic, count, waitUntilSpooled, 1, stderr);
    }

    /** As above, numbering events from {@code first}. */
    public static ChildApplication start(List<String> jvmFlags, String bootstrap, Path spoolDir, Durability durability,
                                  String topic, long count, boolean waitUntilSpooled, long first, Path stderr)
            throws IOException {
        return startMain(jvmFlags, SpoolingApplication.class, List.of(bootstrap, spoolDir.toString(),
                durability.configName(), topic, Long.toString(count), Boolean.toString(waitUntilSpooled),
                Long.toString(first)), stderr);
    }

    /** Starts another main class of the test classpath; it follows the same protocol on standard output. */
    static ChildApplication startMain(List<String> jvmFlags, Class<?> main, List<String> args, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        return new ChildApplication(pb.start());
    }

    /** The JVM flags Chronicle needs, as the build passes them to tests. */
    public static List<String> chronicleFlags() {
        List<String> flags = new ArrayList<>(ChronicleDefaults.REQUIRED_JVM_FLAGS);
        flags.add("-Dchronicle.analytics.disable=true");
        flags.add("-Dchronicle.announcer.disable=true");
        return flags;
    }

    private void follow() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("taken ")) {
                    lastTaken.set(Long.parseLong(line.substring(6)));
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            lines.add("reader stopped: " + e);
        }
    }

    /** The highest event number whose log call the child saw return. */
    public long lastTaken() {
        return lastTaken.get();
    }

    public boolean printed(String line) {
        return lines.contains(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * kill -9, and waits until the process is gone and everything it printed is read, so that
     * {@link #lastTaken()} is the last number it printed.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }

    /**
     * An orderly stop: closes the child's standard input, which makes it stop its engine and exit,
     * and waits for that (bounded against a hang). Returns the exit code.
     */
    public int stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("the child did not exit after its standard input closed");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    /** What a child wrote to {@code stderr} (its status lines), or nothing when it wrote no file. */
    public static String read(Path stderr) {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
