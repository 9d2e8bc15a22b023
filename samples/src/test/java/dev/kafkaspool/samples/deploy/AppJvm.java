package dev.kafkaspool.samples.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.samples.demo.DemoService;
import dev.kafkaspool.samples.demo.ServiceClasspath;

/**
 * {@link NumberedEvents} in a JVM of its own, set up as a container runs it: the environment a pod
 * spec gives (Chronicle's flags in {@code JAVA_TOOL_OPTIONS}, the downward API's variables), one
 * logging framework and its configuration file on the class path, optionally as another user.
 * Standard output is followed line by line; standard error goes to a file.
 */
final class AppJvm implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private AppJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::follow, "app-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** What to start; {@link #start} starts it. */
    static Builder builder(DemoService framework, Path workDir) {
        return new Builder(framework, workDir);
    }

    /** Waits, bounded against hangs only, until the application printed {@code line} or ended. */
    boolean awaitLine(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!lines.contains(line) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!process.isAlive()) {
            reader.join(10_000); // what it printed before it ended
        }
        return lines.contains(line);
    }

    /** Waits for the process to end by itself (bounded against hangs only); its exit value. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the application did not end: " + stderr());
        }
        return process.exitValue();
    }

    /** SIGTERM, as the kubelet stops a container; then waits for the process to end. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** What the application printed on standard output so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void follow() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("reader stopped: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static final class Builder {
        private final DemoService framework;
        private final Path workDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String configuration;
        private List<String> asUser = List.of();
        private String classpath;
        private final List<String> jvmFlags = new ArrayList<>();
        private String mainClass = NumberedEvents.class.getName();

        private Builder(DemoService framework, Path workDir) {
            this.framework = framework;
            this.workDir = workDir;
            this.configuration = framework.configurationFlag();
            this.classpath = ServiceClasspath.of(framework);
        }

        Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        /** A configuration file on the class path instead of the sample service's. */
        Builder configuration(String resource) {
            configuration = configuration.substring(0, configuration.indexOf('=') + 1) + resource;
            return this;
        }

        /** Runs the JVM as this user, group and supplementary groups (the test must run as root). */
        Builder asUser(long uid, long gid, long... groups) {
            List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid));
            StringBuilder list = new StringBuilder();
            for (long g : groups) {
                list.append(list.length() == 0 ? "" : ",").append(g);
            }
            command.add(groups.length == 0 ? "--clear-groups" : "--groups=" + list);
            asUser = command;
            return this;
        }

        /** A JVM flag of the test's own, beside those of the pod spec's {@code JAVA_TOOL_OPTIONS}. */
        Builder jvmFlag(String flag) {
            jvmFlags.add(flag);
            return this;
        }

        /** Another application than {@link NumberedEvents}, taking the same two arguments. */
        Builder mainClass(Class<?> main) {
            mainClass = main.getName();
            return this;
        }

        /** Another class path, e.g. one another user may read. */
        Builder classpath(String value) {
            classpath = value;
            return this;
        }

        /** Starts the application ({@link NumberedEvents} by default) with {@code count} events and this ending. */
        AppJvm start(int count, String ending, String name) throws IOException {
            List<String> command = new ArrayList<>(asUser);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.addAll(jvmFlags);
            command.add(configuration);
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.add(Integer.toString(count));
            command.add(ending);
            Path stderr = workDir.resolve(name + ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile()).directory(workDir.toFile());
            pb.environment().keySet().removeIf(key -> key.startsWith("KAFKA_") || key.equals("JAVA_TOOL_OPTIONS"));
            pb.environment().putAll(env);
            return new AppJvm(pb.start(), stderr);
        }
    }

    /** A bound against hangs for waits on records. */
    static final Duration RECORDS_TIMEOUT = Duration.ofSeconds(90);
}
