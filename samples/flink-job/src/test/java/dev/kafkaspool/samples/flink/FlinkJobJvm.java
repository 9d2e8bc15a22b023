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

/**
 * A JVM that runs {@link OrderCheckJob} on a local MiniCluster with the class path of a Flink
 * distribution's {@code lib/} plus the appender's jar for Flink (the build writes it to the file
 * the system property {@value #LIB_CLASSPATH_PROPERTY} names), the job's classes, and the
 * {@code log4j-console.properties} of this sample. Its output goes to a file.
 */
final class FlinkJobJvm {
    static final String LIB_CLASSPATH_PROPERTY = "kafkaspool.flink.libClasspath";
    static final String JOB_CLASSES_PROPERTY = "kafkaspool.flink.jobClasses";
    static final String LOG_CONFIG_PROPERTY = "kafkaspool.flink.logConfig";
    static final String JVM_FLAGS_PROPERTY = "kafkaspool.flink.jvmFlags";
    private static final String JOB_CLASS = "dev.kafkaspool.samples.flink.OrderCheckJob";

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

    private FlinkJobJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the job with {@code orders} orders and the environment variables {@code env}. */
    static FlinkJobJvm start(long orders, Map<String, String> env, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(required(JVM_FLAGS_PROPERTY).trim().split("\\s+")));
        command.addAll(FLINK_JVM_FLAGS);
        command.add("-Dlog4j.configurationFile=" + required(LOG_CONFIG_PROPERTY));
        command.add("-cp");
        command.add(classPath());
        command.add(JOB_CLASS);
        command.add(Long.toString(orders));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return new FlinkJobJvm(builder.start(), output);
    }

    /** Waits for the JVM to end and returns its exit code; kills it if it takes longer than {@code seconds}. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the job's JVM did not end within " + seconds + " s; its output: "
                    + output);
        }
        return process.exitValue();
    }

    /** Ends the JVM if it still runs. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static String classPath() throws IOException {
        String lib = Files.readString(Path.of(required(LIB_CLASSPATH_PROPERTY)), StandardCharsets.UTF_8).trim();
        if (!lib.contains("-flink.jar")) {
            throw new IllegalStateException("the appender's jar for Flink is not in Flink's lib class path: " + lib);
        }
        return lib + File.pathSeparator + required(JOB_CLASSES_PROPERTY);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run this test with Maven");
        }
        return value;
    }
}
