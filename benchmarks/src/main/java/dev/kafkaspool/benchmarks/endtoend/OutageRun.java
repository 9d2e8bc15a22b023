package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The end-to-end outage runner: for each appender, starts a real Kafka broker (the test broker, in
 * its own JVM), runs the application in a child JVM through the scenarios ({@link ThroughputScenario},
 * {@link OutageScenario}, {@link CrashScenario}, {@link StartupScenario}), and prints the results as Markdown, also written
 * to the file in {@code -Doutage.report} (default {@code end-to-end-results.md} in the working
 * directory); plots and their data go to {@code -Doutage.plots} ({@link PlotDirectory}, {@link RunPlots}). See {@code benchmarks/END-TO-END.md} for the command.
 *
 * <p>System properties: {@code outage.cases} (comma-separated {@link AppenderCase#id()}s, default
 * all), {@code outage.scenarios} (some of {@code throughput,outage,crash,startup}, default all),
 * {@code outage.keepWork} ({@code true} keeps spools and logs), {@code outage.command} (the command
 * line quoted in the report), and the timeline's ({@link RunSettings}).
 */
public final class OutageRun {

    private OutageRun() {
    }

    public static void main(String[] args) throws Exception {
        List<AppenderCase> appenders = appenders(System.getProperty("outage.cases", "all"));
        Set<String> scenarios = Set.of(System.getProperty("outage.scenarios", "throughput,outage,crash,startup")
                .split(","));
        RunSettings settings = RunSettings.fromSystemProperties();
        Path workRoot = Files.createDirectories(Path.of(System.getProperty("outage.workDir", "endtoend-work")))
                .toAbsolutePath();
        PlotDirectory.prepare();
        double loadBefore = ResultsReport.loadAverage();
        long start = System.nanoTime();
        List<CaseResults> results = new ArrayList<>();
        for (AppenderCase appender : appenders) {
            results.add(runCase(appender, scenarios, settings, workRoot.resolve(appender.id())));
        }
        List<String> plotFiles = RunPlots.write(results, settings);
        String report = ResultsReport.of(results, settings,
                System.getProperty("outage.command", "(not given)"), loadBefore, ResultsReport.loadAverage(),
                (System.nanoTime() - start) / 60e9, plotFiles);
        System.out.println();
        System.out.println(report);
        Path reportFile = Path.of(System.getProperty("outage.report", "end-to-end-results.md")).toAbsolutePath();
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + reportFile);
    }

    private static CaseResults runCase(AppenderCase appender, Set<String> scenarios, RunSettings settings,
            Path workDir) throws InterruptedException {
        CaseResults results = new CaseResults(appender);
        deleteRecursively(workDir);
        if (scenarios.contains(ThroughputScenario.NAME) || scenarios.contains(OutageScenario.NAME)
                || scenarios.contains(CrashScenario.NAME)) {
            Progress.say(appender, "broker", "starting");
            try (KafkaBroker broker = KafkaBroker.start(workDir.resolve("broker"))) {
                attempt(appender, ThroughputScenario.NAME, scenarios, results,
                        () -> results.throughput(ThroughputScenario.run(appender, broker, workDir, settings)));
                attempt(appender, OutageScenario.NAME, scenarios, results,
                        () -> results.outage(OutageScenario.run(appender, broker, workDir, settings)));
                attempt(appender, CrashScenario.NAME, scenarios, results, () -> {
                    if (!broker.isRunning()) {
                        broker.restart();
                    }
                    results.crash(CrashScenario.run(appender, broker, workDir, settings));
                });
            } catch (RuntimeException e) {
                Progress.say(appender, "broker", "failed: " + e);
                results.failed(ThroughputScenario.NAME, e);
                results.failed(OutageScenario.NAME, e);
                results.failed(CrashScenario.NAME, e);
            }
        }
        attempt(appender, StartupScenario.NAME, scenarios, results,
                () -> results.startup(StartupScenario.run(appender, workDir)));
        if (!Boolean.getBoolean("outage.keepWork")) {
            deleteRecursively(workDir);
        }
        return results;
    }

    /** One scenario of a case, run when it was asked for. */
    @FunctionalInterface
    private interface Scenario {
        void run() throws InterruptedException;
    }

    /** Runs the scenario if asked for; a failure is reported and recorded, and the case goes on with the next one. */
    private static void attempt(AppenderCase appender, String name, Set<String> scenarios, CaseResults results,
            Scenario scenario) throws InterruptedException {
        if (!scenarios.contains(name)) {
            return;
        }
        if (!appender.toKafka() && !name.equals(ThroughputScenario.NAME)) {
            results.notApplicable(name, "the events do not go to Kafka");
            return;
        }
        try {
            scenario.run();
        } catch (RuntimeException e) {
            Progress.say(appender, name, "failed: " + e);
            results.failed(name, e);
        }
    }

    private static List<AppenderCase> appenders(String cases) {
        if (cases.equals("all")) {
            return List.of(AppenderCase.values());
        }
        return Arrays.stream(cases.split(",")).map(String::strip).map(AppenderCase::byId)
                .collect(Collectors.toList());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
