package dev.kafkaspool.benchmarks.endtoend;

/**
 * A moment of the outage scenario's timeline: what the runner did to the broker, and the broker's
 * state from then on.
 *
 * @param seconds since the application was told to start logging
 * @param label what happened ({@code kill -9}, {@code restart}, {@code broker back})
 * @param brokerAfter the broker's state from then on ({@code down}, {@code restarting}, {@code up})
 */
record TimelineMark(double seconds, String label, String brokerAfter) {
}
