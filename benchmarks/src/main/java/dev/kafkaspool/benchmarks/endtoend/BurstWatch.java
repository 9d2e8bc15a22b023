package dev.kafkaspool.benchmarks.endtoend;

import java.time.Duration;
import java.time.Instant;

/**
 * Watches a burst of the throughput scenario to its end: waits for the application's
 * {@link ApplicationProtocol#BURST_DONE} answer and, when the events go to Kafka, asks the topic's
 * end offsets every few milliseconds ({@link TopicEnds}) for the first moment the topic holds as
 * many records as events were logged (the last event is readable then, to within the pause and one
 * round trip). The wait for the topic ends when no new record came for {@link #NO_PROGRESS_LIMIT}.
 *
 * @param done the burst's answer: calls, events logged in all, wall-clock microseconds of its first
 *     call, nanoseconds of the logging thread
 * @param readableMicros wall-clock microseconds when the last event was readable, or -1 if it never
 *     was (or the events do not go to Kafka)
 * @param lastRecords the records the topic held at the end of the wait
 */
record BurstWatch(long[] done, long readableMicros, long lastRecords) {
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;

    /**
     * Watches until the burst is over and, if {@code ends} is not null, its last event readable.
     *
     * @throws IllegalStateException if the application ended during the burst, or the burst did not
     *     end within {@code burstTimeout}
     */
    static BurstWatch of(ApplicationProcess application, TopicEnds ends, Duration burstTimeout)
            throws InterruptedException {
        long[] done = null;
        long lastRecords = -1;
        long lastProgress = System.nanoTime();
        long giveUp = System.nanoTime() + burstTimeout.toNanos();
        while (true) {
            long records = ends == null ? -1 : ends.records();
            long nowMicros = ApplicationProtocol.epochMicros(Instant.now());
            if (done == null) {
                done = application.answerIfAny(ApplicationProtocol.BURST_DONE);
            }
            if (done != null && ends == null) {
                return new BurstWatch(done, -1, -1);
            }
            if (done != null && records >= done[1]) {
                return new BurstWatch(done, nowMicros, records);
            }
            if (records != lastRecords) {
                lastRecords = records;
                lastProgress = System.nanoTime();
            }
            if (done != null && System.nanoTime() - lastProgress > NO_PROGRESS_LIMIT.toNanos()) {
                return new BurstWatch(done, -1, lastRecords);
            }
            if (done == null && !application.isAlive()) {
                done = application.answerIfAny(ApplicationProtocol.BURST_DONE);
                if (done == null) {
                    throw new IllegalStateException("The application ended during the burst ("
                            + application.exitDescription() + ")");
                }
            }
            if (done == null && System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("The burst did not end within " + burstTimeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    long calls() {
        return done[0];
    }

    long logged() {
        return done[1];
    }

    long firstCallMicros() {
        return done[2];
    }

    long loggingNanos() {
        return done[3];
    }

    /** From the burst's first call until its last event was readable, or -1 if it never was. */
    long readableNanos() {
        return readableMicros < 0 ? -1 : (readableMicros - firstCallMicros()) * 1_000L;
    }
}
