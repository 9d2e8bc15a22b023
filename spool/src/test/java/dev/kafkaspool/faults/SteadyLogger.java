package dev.kafkaspool.faults;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;

/**
 * An application that logs at a steady rate on a thread of its own: events whose messages are the
 * numbers 1, 2, 3, ..., in bursts of {@value #BURST} every {@value #PAUSE_MILLIS} ms (about
 * 2,000 events/s), until stopped. Counts what it logged and what the pipeline refused.
 */
final class SteadyLogger {
    static final int BURST = 20;
    static final long PAUSE_MILLIS = 10;

    private final LogPipeline pipeline;
    private final AtomicBoolean keepLogging = new AtomicBoolean(true);
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread thread;

    private SteadyLogger(LogPipeline pipeline) {
        this.pipeline = pipeline;
        this.thread = new Thread(this::logUntilStopped, "steady-logger");
    }

    /** Starts logging through {@code pipeline}. */
    static SteadyLogger start(LogPipeline pipeline) {
        SteadyLogger logger = new SteadyLogger(pipeline);
        logger.thread.start();
        return logger;
    }

    /** The highest number logged so far. */
    long logged() {
        return logged.get();
    }

    /** How many appends the pipeline refused. */
    long refused() {
        return refused.get();
    }

    /** Stops logging and waits for the thread to end; returns the highest number logged. Idempotent. */
    long stop() throws InterruptedException {
        keepLogging.set(false);
        thread.join();
        return logged.get();
    }

    private void logUntilStopped() {
        long n = 0;
        while (keepLogging.get()) {
            for (int i = 0; i < BURST; i++) {
                if (!pipeline.append(new PipelineEvent(Long.toString(++n)))) {
                    refused.incrementAndGet();
                }
            }
            logged.set(n);
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
