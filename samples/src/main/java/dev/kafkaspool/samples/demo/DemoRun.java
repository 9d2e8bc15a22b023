package dev.kafkaspool.samples.demo;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of the demo: a broker, the two services logging into it, the broker killed and
 * restarted under them, then the services stopped and the topic read back. Every process it
 * starts is ended when it returns, and by a shutdown hook if the JVM exits first (Ctrl-C).
 */
final class DemoRun {

    private static final String TOPIC = "logs." + PodMetadata.NAMESPACE;
    private static final Duration SERVICES_START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration SERVICES_STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

    private final DemoTimeline timeline;
    private final PrintStream out;
    private final BrokerStatus brokerStatus = new BrokerStatus();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::interrupted, "demo-end-processes");
    private volatile boolean shuttingDown;
    private volatile ProgressDisplay display;
    private volatile Path workDir;
    private volatile boolean keepWorkDir;

    DemoRun(DemoTimeline timeline, PrintStream out) {
        this.timeline = timeline;
        this.out = out;
    }

    DemoResult run() throws IOException, InterruptedException {
        workDir = Files.createTempDirectory("kafka-spool-demo-");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            KafkaBroker broker = startBroker(workDir.resolve("broker"));
            List<ServiceProcess> services = startServices(workDir, broker.bootstrapServers());
            logThroughAnOutage(broker, services);
            stopServices(services);
            DemoResult result = readBack(broker, services);
            DemoSummary.print(result, out);
            keepWorkDir = !result.nothingLost();
            if (keepWorkDir) {
                out.println("The services' status messages are in " + workDir);
            }
            return result;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (shuttingDown) {
                return new DemoResult(List.of(), List.of()); // Ctrl-C: the hook ends everything
            }
            keepWorkDir = true;
            out.println("The demo failed; the services' logs are in " + workDir);
            throw e;
        } finally {
            endEverythingAndCleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is exiting: the hook runs or ran.
            }
        }
    }

    private KafkaBroker startBroker(Path dataDir) {
        out.println("Starting a Kafka broker (a child JVM, data in " + dataDir + ") ...");
        KafkaBroker broker = KafkaBroker.start(dataDir);
        started.push(broker);
        broker.createTopic(TOPIC, 3);
        brokerStatus.up();
        out.println("Broker ready at " + broker.bootstrapServers() + ", topic " + TOPIC + " created.");
        return broker;
    }

    private List<ServiceProcess> startServices(Path workDir, String bootstrapServers)
            throws IOException, InterruptedException {
        List<ServiceProcess> services = new ArrayList<>();
        int podNumber = 0;
        for (DemoService service : DemoService.values()) {
            ServiceProcess process = ServiceProcess.start(service, podNumber++, workDir, bootstrapServers,
                    timeline.eventsPerSecond(), brokerStatus::isDown);
            started.push(process);
            services.add(process);
            out.println("Started " + service.serviceName() + " (" + service.framework() + ") as pod "
                    + process.pod().podName() + " in namespace " + PodMetadata.NAMESPACE + ", "
                    + timeline.eventsPerSecond() + " events/s");
        }
        long deadline = System.nanoTime() + SERVICES_START_TIMEOUT.toNanos();
        while (!services.stream().allMatch(ServiceProcess::isLogging)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The services did not start logging within "
                        + SERVICES_START_TIMEOUT.toSeconds() + " s; see their logs in " + workDir);
            }
            Thread.sleep(50);
        }
        return services;
    }

    private void logThroughAnOutage(KafkaBroker broker, List<ServiceProcess> services) throws InterruptedException {
        out.println();
        display = ProgressDisplay.start(out, brokerStatus, services);
        try {
            display.event("both services log; the broker is up");
            sleepUntil(display, timeline.brokerKilledAt());
            brokerStatus.killed();
            broker.kill();
            display.event("broker killed (kill -9); the services keep logging");
            sleepUntil(display, timeline.brokerRestartedAt());
            brokerStatus.restarting();
            display.event("restarting the broker");
            double restartBegan = display.elapsedSeconds();
            broker.restart();
            brokerStatus.up();
            long brokerBack = System.nanoTime();
            Map<ServiceProcess, Long> sentWhenBack = new HashMap<>();
            services.forEach(service -> sentWhenBack.put(service, service.sent()));
            display.event(String.format(Locale.ROOT, "broker back after %.1f s of restarting; the spools drain",
                    display.elapsedSeconds() - restartBegan));
            sleepUntil(display, timeline.servicesStopAt());
            awaitEmptySpools(display, services, brokerBack, sentWhenBack);
            display.event("stopping the services: each stops its logging context, which flushes the appender");
        } finally {
            display.close();
        }
    }

    /**
     * Waits until every service reported, after the broker came back, an empty spool and every
     * event it had logged by then acknowledged: stopping a service ships what it holds in memory,
     * while what is in its spool waits for its next start.
     */
    private static void awaitEmptySpools(ProgressDisplay display, List<ServiceProcess> services, long brokerBack,
            Map<ServiceProcess, Long> sentWhenBack) throws InterruptedException {
        if (services.stream().allMatch(s -> s.caughtUpSince(brokerBack, sentWhenBack.get(s)))) {
            return;
        }
        display.event("waiting for the spools to drain before stopping the services");
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (!services.stream().allMatch(s -> s.caughtUpSince(brokerBack, sentWhenBack.get(s)) || s.hasExited())) {
            if (System.nanoTime() > deadline) {
                display.event("the spools did not drain within " + DRAIN_TIMEOUT.toSeconds() + " s");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void sleepUntil(ProgressDisplay display, Duration at) throws InterruptedException {
        long millis = at.toMillis() - (long) (display.elapsedSeconds() * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private void stopServices(List<ServiceProcess> services) throws InterruptedException {
        services.forEach(ServiceProcess::requestStop);
        for (ServiceProcess service : services) {
            if (!service.awaitExit(SERVICES_STOP_TIMEOUT)) {
                out.println(service.service().serviceName() + " did not exit within "
                        + SERVICES_STOP_TIMEOUT.toSeconds() + " s; ending it");
                service.close();
            }
        }
    }

    private DemoResult readBack(KafkaBroker broker, List<ServiceProcess> services) {
        out.println("Reading topic " + TOPIC + " from the beginning ...");
        ArrivedRecords arrived = ArrivedRecords.read(broker.bootstrapServers(), TOPIC, READ_TIMEOUT);
        List<ServiceOutcome> outcomes = new ArrayList<>();
        List<RecordFields> samples = new ArrayList<>();
        for (ServiceProcess service : services) {
            outcomes.add(new ServiceOutcome(service, arrived));
            arrived.records(service.service().serviceName()).stream()
                    .filter(r -> "INFO".equals(r.get("log.level")))
                    .findFirst().ifPresent(samples::add);
        }
        services.stream()
                .flatMap(s -> arrived.records(s.service().serviceName()).stream())
                .filter(r -> r.get("error.type") != null)
                .findFirst().ifPresent(samples::add);
        return new DemoResult(outcomes, samples);
    }

    /** The JVM is exiting before the demo ended (Ctrl-C): ends what it started. */
    private void interrupted() {
        shuttingDown = true;
        ProgressDisplay running = display;
        if (running != null) {
            running.close();
        }
        out.println();
        out.println("Interrupted: ending the services and the broker");
        endEverythingAndCleanUp();
    }

    /**
     * Ends the services and the broker that are still running, newest first, and deletes the work
     * directory unless events were lost (then its service logs and spools are worth a look).
     */
    private synchronized void endEverythingAndCleanUp() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                out.println("Could not end a process: " + e);
            }
        }
        Path dir = workDir;
        if (dir != null && !keepWorkDir && Files.exists(dir)) {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a temporary directory.
        }
    }
}
