package dev.kafkaspool.benchmarks.endtoend;

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
    /** Command (or the end of standard input): stop logging, stop the framework, report, exit. */
    static final String STOP = "stop";

    /** Prefix of every answer. */
    static final String REPORT = "@outage";
    /** Answer: the framework is configured; nanoseconds from main to the logger being ready. */
    static final String READY = "ready";
    /** Answer: logging stopped; the number of events logged. */
    static final String PAUSED = "paused";
    /** Answer: the first log call's duration in nanoseconds. */
    static final String FIRST_CALL = "first-call";
    /** Answer: a phase's name, then {@link CallLatencies#summary()}. */
    static final String LATENCY = "latency";
    /** Answer: the framework stopped; events logged and nanoseconds the stop took. */
    static final String STOPPED = "stopped";

    private ApplicationProtocol() {
    }
}
