package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Flat out with the broker up: as soon as the application is ready (or, with
 * {@code outage.throughputFromStart=false}, once a first event it logged is readable in the topic),
 * it logs a burst of events back to back as fast as its logging thread can
 * ({@link ApplicationProtocol#BURST}), each call timed. Meanwhile the runner watches the topic for
 * the last event to be readable ({@link BurstWatch}). Measured: log calls per second on the logging
 * thread, events per second from the burst's first call until the last event was readable
 * (acknowledged throughput), the calls' durations, and the application process's CPU time from
 * ready to stopped. Then the application stops in order and the topic (or, for the file appender,
 * the file) is read in full to count exactly what arrived.
 */
final class ThroughputScenario {
    static final String NAME = "throughput";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private ThroughputScenario() {
    }

    static ThroughputResult run(AppenderCase appender, KafkaBroker broker, Path workDir, RunSettings settings)
            throws InterruptedException {
        String topic = NAME + "-" + appender.id();
        broker.createTopic(topic, settings.partitions());
        Path spoolDir = workDir.resolve(NAME + "-spool");
        try (ApplicationProcess application = ApplicationProcess.start(appender, NAME, workDir,
                broker.bootstrapServers(), topic, spoolDir);
                TopicEnds ends = TopicEnds.of(broker.bootstrapServers(), topic)) {
            long[] ready = application.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            if (!settings.throughputFromStart() && appender.toKafka()) {
                application.send(ApplicationProtocol.FIRST);
                application.await(ApplicationProtocol.FIRST_CALL, ANSWER_TIMEOUT);
                awaitRecords(ends, 1, CONNECT_TIMEOUT);
                Progress.say(appender, NAME, "connected");
            }
            Progress.say(appender, NAME, "logging " + settings.throughputEvents() + " events of "
                    + settings.messageLength() + " characters flat out (at most "
                    + settings.throughputLimit().toSeconds() + " s)");
            application.send(ApplicationProtocol.BURST + " " + settings.throughputEvents() + " "
                    + settings.throughputLimit().toSeconds());
            BurstWatch burst = BurstWatch.of(application, appender.toKafka() ? ends : null,
                    settings.throughputLimit().plus(ANSWER_TIMEOUT));
            Progress.say(appender, NAME, burst.calls() + " calls in " + Math.round(burst.loggingNanos() / 1e6)
                    + " ms" + readability(appender, burst));
            application.send(ApplicationProtocol.STOP);
            long[] stopped = application.await(ApplicationProtocol.STOPPED, ANSWER_TIMEOUT);
            String note = application.awaitExit(Duration.ofSeconds(30)) ? "" : "the application did not exit; killed";
            ArrivalCount arrivals = appender.toKafka() ? SettledRead.of(broker, topic, burst.logged())
                    : FileArrivals.of(spoolDir.resolve(AppenderCase.LOG_FILE), burst.logged());
            Progress.say(appender, NAME, arrivals.toString());
            if (burst.calls() < settings.throughputEvents()) {
                note = join(note, "stopped at the " + settings.throughputLimit().toSeconds() + " s limit");
            }
            if (burst.readableNanos() >= 0 && arrivals.duplicates() > 0) {
                note = join(note, "the end offsets counted " + arrivals.duplicates()
                        + " copies: the time to readable may be short of the last event");
            }
            long cpuNanos = ready.length > 1 && stopped.length > 2 && ready[1] >= 0 && stopped[2] >= 0
                    ? stopped[2] - ready[1] : -1;
            return new ThroughputResult(arrivals, burst.calls(), burst.loggingNanos(), burst.readableNanos(),
                    CallLatency.of(application.latency(LoggingApplication.BURST_PHASE)), cpuNanos,
                    stopped[1] / 1e6, note);
        }
    }

    private static String readability(AppenderCase appender, BurstWatch burst) {
        if (!appender.toKafka()) {
            return "";
        }
        return burst.readableNanos() < 0
                ? "; the topic stopped at " + burst.lastRecords() + " of " + burst.logged() + " records"
                : "; all " + burst.logged() + " records readable " + Math.round(burst.readableNanos() / 1e6)
                        + " ms after the first call";
    }

    private static void awaitRecords(TopicEnds ends, long records, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.records() < records) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The first event was not readable within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static String join(String note, String more) {
        return note.isEmpty() ? more : note + "; " + more;
    }
}
