package dev.kafkaspool.benchmarks.endtoend;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The results of a run as Markdown: the machine and versions, then one table per scenario with a
 * row per appender. Times of log calls are in microseconds (µs), other durations in milliseconds. A log call counts in
 * every phase it overlapped.
 */
final class ResultsReport {

    private ResultsReport() {
    }

    static String of(List<CaseResults> results, RunSettings settings, String command, double loadBefore,
            double loadAfter, double minutes, List<String> plotFiles) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(command).append("`\n\n");
        out.append(String.format(Locale.ROOT,
                "Machine: %d CPUs as the JVM sees them, %s %s; load average (1 min) %.2f before, %.2f after; "
                        + "run took %.1f min.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), loadBefore, loadAfter, minutes));
        out.append("Java ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append("; ").append(Versions.describe()).append(".\n\n");
        out.append(String.format(Locale.ROOT,
                "Timeline: %d events/s; %d partitions; outage scenario %d s broker up, kill -9, %d s down, restart "
                        + "(the restart's own time counts as outage), %d s after; crash scenario %d s broker up, "
                        + "kill -9 of the broker, %d s down, application stops logging, 1 s later kill -9 of the "
                        + "application.%n%n",
                settings.eventsPerSecond(), settings.partitions(), settings.beforeOutage().toSeconds(),
                settings.outage().toSeconds(), settings.afterOutage().toSeconds(), settings.crashBrokerUp().toSeconds(),
                settings.crashBrokerDown().toSeconds()));

        out.append(String.format(Locale.ROOT,
                "Throughput scenario: %s, up to %d events of %d characters back to back (at most %d s), broker up; "
                        + "CPU: the application process's CPU time from ready to stopped, per event logged.%n%n",
                settings.throughputFromStart() ? "from the moment the application is ready"
                        : "once a first event was readable in the topic",
                settings.throughputEvents(), settings.messageLength(), settings.throughputLimit().toSeconds()));
        appendThroughput(out, results);

        out.append("#### Broker outage (kill -9 and restart of the broker, orderly stop of the application)\n\n");
        out.append("| appender | logged | arrived | lost | duplicated | out of order | broker restart ms | "
                + "calls during outage | outage p50 µs | p99 µs | p99.9 µs | max µs | p50 µs before | max µs before | max µs after | stop ms | note |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CaseResults result : results) {
            OutageResult outage = result.outage();
            if (outage == null) {
                out.append("| ").append(result.appender().description()).append(" | not measured: ")
                        .append(cell(result.missing(OutageScenario.NAME))).append(" ||||||||||||||||\n");
                continue;
            }
            ArrivalCount a = outage.arrivals();
            out.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d | %.0f | %d | %s | %s | %s | %s | %s | %s | %s | %.0f | %s |%n",
                    result.appender().description(), a.logged(), a.arrived(), a.lost(), a.duplicates(),
                    a.outOfOrder(), outage.restartMillis(), outage.outage().calls(), micros(outage.outage().p50Nanos()),
                    micros(outage.outage().p99Nanos()), micros(outage.outage().p999Nanos()),
                    micros(outage.outage().maxNanos()), micros(outage.before().p50Nanos()), micros(outage.before().maxNanos()),
                    micros(outage.after().maxNanos()), outage.stopMillis(), cell(noteWithUnknown(outage.note(), a))));
        }

        out.append("\n#### Application killed (kill -9) while the broker is down, then a new application on the same spool directory\n\n");
        out.append("| appender | logged before the kill | arrived | lost | duplicated | new application ran s | note |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (CaseResults result : results) {
            CrashResult crash = result.crash();
            if (crash == null) {
                out.append("| ").append(result.appender().description()).append(" | not measured: ")
                        .append(cell(result.missing(CrashScenario.NAME))).append(" |||||\n");
                continue;
            }
            ArrivalCount a = crash.arrivals();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %s |%n",
                    result.appender().description(), a.logged(), a.arrived(), a.lost(), a.duplicates(),
                    crash.secondApplicationSeconds(), cell(noteWithUnknown(crash.note(), a))));
        }

        out.append("\n#### Start-up with the broker down from the start\n\n");
        out.append("| appender | JVM start to framework ready ms | framework start ms | first log call ms | stop ms | note |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        for (CaseResults result : results) {
            StartupResult startup = result.startup();
            if (startup == null) {
                out.append("| ").append(result.appender().description()).append(" | not measured: ")
                        .append(cell(result.missing(StartupScenario.NAME))).append(" ||||\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.0f | %s |%n",
                    result.appender().description(), startup.jvmToReadyMillis(), startup.frameworkStartMillis(),
                    startup.firstCallMillis(), startup.stopMillis(), cell(startup.note())));
        }
        appendPlots(out, plotFiles);
        return out.toString();
    }

    private static void appendThroughput(StringBuilder out, List<CaseResults> results) {
        double ackReference = reference(results, AppenderCase.LOGBACK_KAFKA_APPENDER,
                ThroughputResult::acknowledgedPerSecond);
        double cpuReference = reference(results, AppenderCase.LOGBACK_KAFKA_APPENDER,
                ThroughputResult::cpuMicrosPerEvent);
        double cpuBare = reference(results, AppenderCase.BARE_PRODUCER, ThroughputResult::cpuMicrosPerEvent);
        out.append("#### Throughput flat out, broker up (log calls accepted, and events acknowledged end to end)\n\n");
        out.append("| appender | events | logging s | calls/s accepted | first call to last readable s | "
                + "acknowledged events/s | ratio to logback-kafka-appender | CPU µs/event | CPU ratio to "
                + "logback-kafka-appender | CPU ratio to bare producer | call p50 µs | call p99 µs | call p99.9 µs | "
                + "call max µs | logged in all | arrived | lost | duplicated | out of order | stop ms | note |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CaseResults result : results) {
            ThroughputResult throughput = result.throughput();
            if (throughput == null) {
                out.append("| ").append(result.appender().description()).append(" | not measured: ")
                        .append(cell(result.missing(ThroughputScenario.NAME))).append(" |||||||||||||||||||\n");
                continue;
            }
            ArrivalCount a = throughput.arrivals();
            double acknowledged = throughput.acknowledgedPerSecond();
            double cpu = throughput.cpuMicrosPerEvent();
            CallLatency calls = throughput.burstCalls();
            out.append(String.format(Locale.ROOT,
                    "| %s | %d | %.2f | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d | %d "
                            + "| %.0f | %s |%n",
                    result.appender().description(), throughput.calls(), throughput.loggingNanos() / 1e9,
                    throughput.acceptedPerSecond(),
                    throughput.readableNanos() < 0 ? "never" : String.format(Locale.ROOT, "%.2f",
                            throughput.readableNanos() / 1e9),
                    number(acknowledged, "%.0f"), number(acknowledged / ackReference, "%.2f"), number(cpu, "%.2f"),
                    number(cpu / cpuReference, "%.2f"), number(cpu / cpuBare, "%.2f"), micros(calls.p50Nanos()),
                    micros(calls.p99Nanos()), micros(calls.p999Nanos()), micros(calls.maxNanos()),
                    a.logged(), a.arrived(), a.lost(), a.duplicates(), a.outOfOrder(), throughput.stopMillis(),
                    cell(noteWithUnknown(throughput.note(), a))));
        }
        out.append("\n");
    }

    private static void appendPlots(StringBuilder out, List<String> plotFiles) {
        out.append("\n#### Plots\n\n");
        if (plotFiles.isEmpty()) {
            out.append("None in `").append(PlotDirectory.get()).append("`.\n");
            return;
        }
        out.append("In `").append(PlotDirectory.get()).append("`: ");
        out.append(String.join(", ", plotFiles.stream().map(name -> "`" + name + "`").toList())).append(".\n");
    }

    /** A measure of the reference case's throughput result, NaN if it has none. */
    private static double reference(List<CaseResults> results, AppenderCase reference,
            ToDoubleFunction<ThroughputResult> measure) {
        return results.stream()
                .filter(result -> result.appender() == reference && result.throughput() != null)
                .mapToDouble(result -> measure.applyAsDouble(result.throughput())).findFirst().orElse(Double.NaN);
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    /** The system load average now (1 minute), or -1 where the OS does not tell. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, nanos >= 10_000 ? "%.0f" : "%.1f", nanos / 1e3);
    }

    private static String noteWithUnknown(String note, ArrivalCount arrivals) {
        if (arrivals.unknown() == 0) {
            return note;
        }
        String unknown = arrivals.unknown() + " records without an event number of this run";
        return note.isEmpty() ? unknown : note + "; " + unknown;
    }

    private static String cell(String text) {
        return text.replace('|', '/').replace('\n', ' ');
    }
}
