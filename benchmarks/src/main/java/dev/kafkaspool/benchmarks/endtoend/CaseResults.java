package dev.kafkaspool.benchmarks.endtoend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything measured for one appender: each scenario's result, or why it has none (not run, or
 * the error that ended it).
 */
final class CaseResults {
    private final AppenderCase appender;
    private OutageResult outage;
    private CrashResult crash;
    private StartupResult startup;
    private ThroughputResult throughput;
    private final Map<String, String> failures = new LinkedHashMap<>();

    CaseResults(AppenderCase appender) {
        this.appender = appender;
    }

    AppenderCase appender() {
        return appender;
    }

    OutageResult outage() {
        return outage;
    }

    CrashResult crash() {
        return crash;
    }

    StartupResult startup() {
        return startup;
    }

    ThroughputResult throughput() {
        return throughput;
    }

    void throughput(ThroughputResult result) {
        this.throughput = result;
    }

    void outage(OutageResult result) {
        this.outage = result;
    }

    void crash(CrashResult result) {
        this.crash = result;
    }

    void startup(StartupResult result) {
        this.startup = result;
    }

    void failed(String scenario, Exception error) {
        failures.put(scenario, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** Records that {@code scenario} does not apply to this case, and why. */
    void notApplicable(String scenario, String reason) {
        failures.put(scenario, "not applicable: " + reason);
    }

    /** Why {@code scenario} has no result: its error, or "not run". */
    String missing(String scenario) {
        return failures.getOrDefault(scenario, "not run");
    }
}
