package dev.kafkaspool.benchmarks.endtoend;

/**
 * One sample of the outage scenario's timeline ({@link ThroughputSampler}).
 *
 * @param seconds since the application was told to start logging
 * @param logged the events the application had logged, or -1 if it did not answer in time
 * @param acknowledged the records readable in the topic (its end offsets), or -1 if the broker did
 *     not answer in time (it is down)
 */
record ThroughputSample(double seconds, long logged, long acknowledged) {

    boolean acknowledgedKnown() {
        return acknowledged >= 0;
    }
}
