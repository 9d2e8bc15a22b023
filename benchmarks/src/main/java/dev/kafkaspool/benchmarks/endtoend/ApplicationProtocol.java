package dev.kafkaspool.benchmarks.endtoend;

import java.time.Instant;

/**
 * The lines the runner and an application in a child JVM exchange. The runner writes commands to
 * the application's standard input, one a line; the application answers on its standard output
 * with lines that start with {@link #REPORT}, so anything a framework prints there is ignored.
 */
final class ApplicationProtocol {
    /** Command: start logging numbered events at the given rate (events per second), phase {@code before}. */
    static final String LOG = "log";
    /** Command: the calls from now on belong to the named phase. */
    static final String PHASE = "phase";
    /** Command: stop logging; answered by {@link #PAUSED} with the number of events logged. */
    static final String PAUSE = "pause";
    /** Command: make one log call (event 1) and answer {@link #FIRST_CALL} with its duration. */
    static final String FIRST = "first";
    /**
     * Command: log the given number of events back to back, as fast as the logging thread can,
     * for at most the given number of seconds; answered by {@link #BURST_DONE}.
     */
    static final String BURST = "burst";
    /** Command: answer {@link #COUNTED} with the events logged so far (the logging thread goes on). */
    static final String COUNT = "count";
    /** Command (or the end of standard input): stop logging, stop the framework, report, exit. */
    static final String STOP = "stop";

    /** Prefix of every answer. */
    static final String REPORT = "@outage";
    /**
     * Answer: the framework is configured; nanoseconds from main to the logger being ready, and the
     * process's CPU time so far in nanoseconds ({@link dev.kafkaspool.benchmarks.ProcessCpu}).
     */
    static final String READY = "ready";
    /** Answer: logging stopped; the number of events logged. */
    static final String PAUSED = "paused";
    /** Answer: the events logged so far (possibly a call or two behind the logging thread). */
    static final String COUNTED = "counted";
    /** Answer: the first log call's duration in nanoseconds. */
    static final String FIRST_CALL = "first-call";
    /** Answer: a phase's name, then {@link CallLatencies#summary()}. */
    static final String LATENCY = "latency";
    /**
     * Answer: the burst is over; the calls it made, the events logged in all (the highest event
     * number), the wall-clock time its first call began (microseconds since the epoch, comparable
     * with the runner's clock on the same machine) and the nanoseconds from the first call's start
     * to the last call's return.
     */
    static final String BURST_DONE = "burst-done";
    /**
     * Answer: the framework stopped; events logged, nanoseconds the stop took, and the process's CPU
     * time so far in nanoseconds ({@link dev.kafkaspool.benchmarks.ProcessCpu}).
     */
    static final String STOPPED = "stopped";

    private ApplicationProtocol() {
    }

    /** A wall-clock time as the answers carry it: microseconds since the epoch. */
    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
