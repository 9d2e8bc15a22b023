package dev.kafkaspool.benchmarks.endtoend;

/**
 * The flat-out throughput scenario's outcome for one appender.
 *
 * @param arrivals what arrived of all the events logged (the connecting event 1 included, when the
 *     burst waited for it)
 * @param calls the log calls of the burst
 * @param loggingNanos from the burst's first call to its last call's return
 * @param readableNanos from the burst's first call until the topic held as many records as events
 *     were logged, or -1 if it never did within the wait (or the events do not go to Kafka)
 * @param burstCalls the burst's log calls as the logging thread timed them
 * @param cpuNanos the application process's CPU time from its framework being ready to its
 *     framework stopped (the burst, the delivery and the stop), or -1 if unknown
 * @param stopMillis how long stopping the framework took afterwards
 * @param note what went wrong, or empty
 */
record ThroughputResult(ArrivalCount arrivals, long calls, long loggingNanos, long readableNanos,
        CallLatency burstCalls, long cpuNanos, double stopMillis, String note) {

    /** Log calls per second on the logging thread during the burst. */
    double acceptedPerSecond() {
        return calls / (loggingNanos / 1e9);
    }

    /** Events of the burst per second from its first call until the last was readable; NaN if never. */
    double acknowledgedPerSecond() {
        return readableNanos < 0 ? Double.NaN : calls / (readableNanos / 1e9);
    }

    /** The process's CPU time per event logged, in microseconds; NaN if unknown. */
    double cpuMicrosPerEvent() {
        return cpuNanos < 0 || arrivals.logged() == 0 ? Double.NaN : cpuNanos / 1e3 / arrivals.logged();
    }
}
