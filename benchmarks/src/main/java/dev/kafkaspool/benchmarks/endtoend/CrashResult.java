package dev.kafkaspool.benchmarks.endtoend;

/**
 * The application crash scenario's outcome for one appender: of the events the application logged
 * before it was killed with kill -9 while the broker was down, how many arrived once the broker
 * was back and a new application had run on the same spool directory.
 *
 * @param arrivals what arrived of the events logged
 * @param secondApplicationSeconds how long the new application ran before it was stopped
 * @param note what went wrong, or empty
 */
record CrashResult(ArrivalCount arrivals, double secondApplicationSeconds, String note) {
}
