package dev.kafkaspool.samples.flink;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A JVM as a Flink distribution starts one: the class path of its {@code lib/} plus the appender's
 * jar for Flink (the build writes it to the file the system property
 * {@value #LIB_CLASSPATH_PROPERTY} names), Flink's JVM flags and Chronicle's, and the
 * {@code log4j-console.properties} of this sample. Its output goes to a file.
 */
final class FlinkJvm {
    static final String LIB_CLASSPATH_PROPERTY = "kafkaspool.flink.libClasspath";
    static final String JOB_CLASSES_PROPERTY = "kafkaspool.flink.jobClasses";
    static final String LOG_CONFIG_PROPERTY = "kafkaspool.flink.logConfig";
    static final String JVM_FLAGS_PROPERTY = "kafkaspool.flink.jvmFlags";
    /** The sample job's main class, by name: the test JVM has none of Flink's classes to load it with. */
    static final String JOB_CLASS = "dev.kafkaspool.samples.flink.OrderCheckJob";
    /** What {@link #waitFor} returns when the JVM did not end in time. */
    static final int TIMED_OUT = -1;

    /** What Flink's own configuration opens for its classes on Java 17 (env.java.default-opts.all). */
    private static final List<String> FLINK_JVM_FLAGS = List.of(
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED");

    private final Process process;
    private final Path output;

    private FlinkJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@link #JOB_CLASS} with {@code orders} orders: with nothing else on the class path but
     * Flink's, the job runs on a local MiniCluster in this JVM.
     */
    static FlinkJvm startJob(long orders, Map<String, String> env, Path output) throws IOException {
        return start(List.of(JOB_CLASS, Long.toString(orders)), libClassPath() + File.pathSeparator
                + required(JOB_CLASSES_PROPERTY), env, output);
    }

    /** Starts {@code mainAndArguments} with the class path of Flink's {@code lib/} alone. */
    static FlinkJvm startFlink(List<String> mainAndArguments, Map<String, String> env, Path output)
            throws IOException {
        return start(mainAndArguments, libClassPath(), env, output);
    }

    private static FlinkJvm start(List<String> mainAndArguments, String classPath, Map<String, String> env,
            Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(required(JVM_FLAGS_PROPERTY).trim().split("\\s+")));
        command.addAll(FLINK_JVM_FLAGS);
        command.add("-Dlog4j.configurationFile=" + required(LOG_CONFIG_PROPERTY));
        command.add("-cp");
        command.add(classPath);
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return new FlinkJvm(builder.start(), output);
    }

    /**
     * Waits for the JVM to end and returns its exit code; kills it if it takes longer than
     * {@code seconds} and returns {@value #TIMED_OUT}.
     */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            return TIMED_OUT;
        }
        return process.exitValue();
    }

    /**
     * Stops the JVM as Kubernetes stops a container, with SIGTERM (its shutdown hooks run, Log4j's
     * among them), and waits for it to end; kills it if it takes longer than {@code seconds}.
     */
    void stop(long seconds) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Ends the JVM at once if it still runs. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** The last 20,000 characters of the output, for a failure's message. */
    String tail() {
        try {
            String text = output();
            return text.length() <= 20_000 ? text : text.substring(text.length() - 20_000);
        } catch (IOException e) {
            return "(the output in " + output + " is not readable: " + e + ")";
        }
    }

    private static String libClassPath() throws IOException {
        String lib = Files.readString(Path.of(required(LIB_CLASSPATH_PROPERTY)), StandardCharsets.UTF_8).trim();
        if (!lib.contains("-flink.jar")) {
            throw new IllegalStateException("the appender's jar for Flink is not in Flink's lib class path: " + lib);
        }
        return lib;
    }

    /** The job's classes as a jar, as a user submits them to a cluster. */
    static Path jobJar(Path jar) throws IOException {
        Path classes = Path.of(required(JOB_CLASSES_PROPERTY));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JOB_CLASS);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run this test with Maven");
        }
        return value;
    }
}
