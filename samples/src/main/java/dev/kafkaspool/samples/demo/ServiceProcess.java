package dev.kafkaspool.samples.demo;

import dev.kafkaspool.samples.service.ServiceReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A sample service running in a child JVM: started with its pod's environment, its progress read
 * from its standard output, asked to stop by closing its standard input. Its standard error (the
 * logging framework's status messages) goes to a file.
 */
final class ServiceProcess implements AutoCloseable {

    private final DemoService service;
    private final PodMetadata pod;
    private final Process process;
    private final Path errorLog;
    private final BooleanSupplier brokerDown;
    private volatile ServiceReport latestProgress;
    private volatile long latestProgressAtNanos;
    private volatile ServiceReport finalStats;
    private volatile long worstCallWhileBrokerDownNanos;
    private final AtomicLong worstCallSinceLastLookNanos = new AtomicLong();

    private ServiceProcess(DemoService service, PodMetadata pod, Process process, Path errorLog,
            BooleanSupplier brokerDown) {
        this.service = service;
        this.pod = pod;
        this.process = process;
        this.errorLog = errorLog;
        this.brokerDown = brokerDown;
    }

    /**
     * Starts the service's JVM.
     *
     * @param workDir where its spool, pod files and error log go
     * @param brokerDown whether the broker is down now: the worst log call reported meanwhile is kept apart
     */
    static ServiceProcess start(DemoService service, int podNumber, Path workDir, String bootstrapServers,
            int eventsPerSecond, BooleanSupplier brokerDown) throws IOException {
        String name = service.serviceName();
        PodMetadata pod = PodMetadata.create(service, podNumber, workDir.resolve(name + "-podinfo"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ChildJvmFlags.get());
        command.add("-cp");
        command.add(ServiceClasspath.of(service));
        command.add(service.configurationFlag());
        command.add(service.mainClass());
        command.add(Integer.toString(eventsPerSecond));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(pod.environment());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        builder.environment().put("KAFKA_SPOOL_DIR", workDir.resolve(name + "-spool").toString());
        builder.environment().put("POD_INFO_DIR", pod.podInfoDir().toString());
        builder.environment().put("SERVICE_NAME", name);
        Path errorLog = workDir.resolve(name + ".log");
        builder.redirectError(errorLog.toFile());
        ServiceProcess started = new ServiceProcess(service, pod, builder.start(), errorLog, brokerDown);
        started.readReports();
        return started;
    }

    private void readReports() {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    take(ServiceReport.parse(line));
                }
            } catch (IOException e) {
                // The process is gone: nothing more to read.
            }
        }, "read-" + service.serviceName());
        reader.setDaemon(true);
        reader.start();
    }

    private void take(ServiceReport report) {
        if (report == null) {
            return;
        }
        if (ServiceReport.STATS.equals(report.kind())) {
            finalStats = report;
            return;
        }
        long recentWorst = report.number("recentWorstCallNanos");
        worstCallSinceLastLookNanos.accumulateAndGet(recentWorst, Math::max);
        if (brokerDown.getAsBoolean()) {
            worstCallWhileBrokerDownNanos = Math.max(worstCallWhileBrokerDownNanos, recentWorst);
        }
        latestProgress = report;
        latestProgressAtNanos = System.nanoTime();
    }

    DemoService service() {
        return service;
    }

    PodMetadata pod() {
        return pod;
    }

    /** Whether the service has reported progress yet (its logging is running). */
    boolean isLogging() {
        return latestProgress != null;
    }

    /** Events logged so far, as last reported. */
    long sent() {
        ServiceReport progress = latestProgress;
        return progress == null ? 0 : progress.number("sent");
    }

    /** The longest single log call so far after the first second, as last reported. */
    long worstCallNanos() {
        ServiceReport progress = latestProgress;
        return progress == null ? 0 : progress.number("worstCallNanos");
    }

    /** The longest log call reported since the last time this was asked; starts over. */
    long takeWorstCallSinceLastLookNanos() {
        return worstCallSinceLastLookNanos.getAndSet(0);
    }

    /** Events in the appender's spool, waiting for Kafka, as last reported. */
    long inSpool() {
        ServiceReport progress = latestProgress;
        return progress == null ? 0 : progress.number("inSpool");
    }

    /**
     * Whether a report that came after {@code nanoTime} ({@link System#nanoTime()}) said the spool
     * is empty and Kafka has acknowledged at least {@code shipped} events: what was logged before
     * then has left the process, and was not just held in memory (an outage not noticed yet).
     */
    boolean caughtUpSince(long nanoTime, long shipped) {
        ServiceReport progress = latestProgress;
        return progress != null && latestProgressAtNanos - nanoTime > 0 && progress.number("inSpool") == 0
                && progress.number("shipped") >= shipped;
    }

    /** Whether the process has ended. */
    boolean hasExited() {
        return !process.isAlive();
    }

    /** The longest single log call reported while the broker was down. */
    long worstCallWhileBrokerDownNanos() {
        return worstCallWhileBrokerDownNanos;
    }

    /** The service's last report, with its appender's counters; null until it stopped. */
    ServiceReport finalStats() {
        return finalStats;
    }

    Path errorLog() {
        return errorLog;
    }

    /** Asks the service to stop logging, stop its framework and report its counters. */
    void requestStop() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the process is gone.
        }
    }

    /** Waits for the process to end; true if it did within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            // The last report may still be on its way through the reader thread.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (finalStats == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        return exited;
    }

    /** Ends the process (kill -9) if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
