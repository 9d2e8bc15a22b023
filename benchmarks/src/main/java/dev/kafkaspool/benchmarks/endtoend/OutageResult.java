package dev.kafkaspool.benchmarks.endtoend;

/**
 * The broker outage scenario's outcome for one appender.
 *
 * @param arrivals what arrived of the events logged
 * @param before log calls before the broker was killed
 * @param outage log calls from the kill until the restarted broker was ready
 * @param after log calls after that
 * @param stopMillis how long stopping the framework took
 * @param restartMillis how long the broker's restart took (it is counted in the outage)
 * @param timeline events logged and acknowledged over time, while the application logged
 * @param note what went wrong, or empty
 */
record OutageResult(ArrivalCount arrivals, CallLatency before, CallLatency outage, CallLatency after,
        double stopMillis, double restartMillis, ThroughputTimeline timeline, String note) {
}
