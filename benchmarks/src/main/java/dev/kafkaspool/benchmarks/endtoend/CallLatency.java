package dev.kafkaspool.benchmarks.endtoend;

/**
 * The log calls of one phase as the application measured them: how many, and the p50, p99, p99.9
 * and longest call in nanoseconds.
 */
record CallLatency(long calls, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos) {
    static final CallLatency NONE = new CallLatency(0, 0, 0, 0, 0);

    /** From {@link CallLatencies#summary()}'s numbers; {@link #NONE} when missing. */
    static CallLatency of(long[] summary) {
        if (summary == null || summary.length < 5) {
            return NONE;
        }
        return new CallLatency(summary[0], summary[1], summary[2], summary[3], summary[4]);
    }
}
