package dev.kafkaspool.benchmarks.endtoend;

/**
 * The broker-down start-up scenario's outcome for one appender, in milliseconds.
 *
 * @param jvmToReadyMillis from starting the application's JVM to its framework being configured
 * @param frameworkStartMillis the part of that inside main: getting the first logger
 * @param firstCallMillis the first log call
 * @param stopMillis stopping the framework afterwards
 * @param note what went wrong, or empty
 */
record StartupResult(double jvmToReadyMillis, double frameworkStartMillis, double firstCallMillis,
        double stopMillis, String note) {
}
