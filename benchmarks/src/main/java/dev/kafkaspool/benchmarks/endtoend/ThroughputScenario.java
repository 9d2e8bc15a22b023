package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Flat out with the broker up: the application logs one event and waits until it is readable in
 * the topic (the appender has connected), then logs a burst of events back to back as fast as its
 * logging thread can ({@link ApplicationProtocol#BURST}). Meanwhile the runner asks the topic's end
 * offsets every few milliseconds ({@link TopicEnds}) and notes the first moment the topic holds as
 * many records as events were logged: the last event is readable then. Measured: log calls per
 * second on the logging thread, and events per second from the burst's first call until the last
 * event was readable (acknowledged throughput). Then the application stops in order and the topic
 * is read in full to count exactly what arrived ({@link ArrivalCount}).
 */
final class ThroughputScenario {
    static final String NAME = "throughput";
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** How long the topic may stay without a new record, once the burst is over, before the wait ends. */
    private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 5;

    private ThroughputScenario() {
    }

    static ThroughputResult run(AppenderCase appender, KafkaBroker broker, Path workDir, RunSettings settings)
            throws InterruptedException {
        String topic = NAME + "-" + appender.id();
        broker.createTopic(topic, settings.partitions());
        try (ApplicationProcess application = ApplicationProcess.start(appender, NAME, workDir,
                broker.bootstrapServers(), topic, workDir.resolve(NAME + "-spool"));
                TopicEnds ends = TopicEnds.of(broker.bootstrapServers(), topic)) {
            application.await(ApplicationProtocol.READY, ANSWER_TIMEOUT);
            application.send(ApplicationProtocol.FIRST);
            application.await(ApplicationProtocol.FIRST_CALL, ANSWER_TIMEOUT);
            awaitRecords(ends, 1, CONNECT_TIMEOUT);
            Progress.say(appender, NAME, "connected; logging " + settings.throughputEvents()
                    + " events flat out (at most " + settings.throughputLimit().toSeconds() + " s)");
            application.send(ApplicationProtocol.BURST + " " + settings.throughputEvents() + " "
                    + settings.throughputLimit().toSeconds());
            long[] done = null;
            long readableMicros = -1;
            long lastRecords = -1;
            long lastProgress = System.nanoTime();
            long giveUp = System.nanoTime() + settings.throughputLimit().plus(ANSWER_TIMEOUT).toNanos();
            while (true) {
                long records = ends.records();
                long nowMicros = ApplicationProtocol.epochMicros(Instant.now());
                if (done == null) {
                    done = application.answerIfAny(ApplicationProtocol.BURST_DONE);
                }
                if (done != null && records >= done[1]) {
                    readableMicros = nowMicros;
                    break;
                }
                if (records != lastRecords) {
                    lastRecords = records;
                    lastProgress = System.nanoTime();
                }
                if (done != null && System.nanoTime() - lastProgress > NO_PROGRESS_LIMIT.toNanos()) {
                    break;
                }
                if (done == null && !application.isAlive()) {
                    done = application.answerIfAny(ApplicationProtocol.BURST_DONE);
                    if (done == null) {
                        throw new IllegalStateException("The application ended during the burst ("
                                + application.exitDescription() + ")");
                    }
                }
                if (done == null && System.nanoTime() - giveUp > 0) {
                    throw new IllegalStateException("The burst did not end within " + settings.throughputLimit()
                            .plus(ANSWER_TIMEOUT));
                }
                Thread.sleep(POLL_MILLIS);
            }
            long calls = done[0];
            long logged = done[1];
            long readableNanos = readableMicros < 0 ? -1 : (readableMicros - done[2]) * 1_000L;
            Progress.say(appender, NAME, calls + " calls in " + Math.round(done[3] / 1e6) + " ms; "
                    + (readableNanos < 0 ? "the topic stopped at " + lastRecords + " of " + logged + " records"
                            : "all " + logged + " records readable " + Math.round(readableNanos / 1e6)
                                    + " ms after the first call"));
            application.send(ApplicationProtocol.STOP);
            long[] stopped = application.await(ApplicationProtocol.STOPPED, ANSWER_TIMEOUT);
            String note = application.awaitExit(Duration.ofSeconds(30)) ? "" : "the application did not exit; killed";
            ArrivalCount arrivals = SettledRead.of(broker, topic, logged);
            Progress.say(appender, NAME, arrivals.toString());
            if (calls < settings.throughputEvents()) {
                note = join(note, "stopped at the " + settings.throughputLimit().toSeconds() + " s limit");
            }
            if (readableNanos >= 0 && arrivals.duplicates() > 0) {
                note = join(note, "the end offsets counted " + arrivals.duplicates()
                        + " copies: the time to readable may be short of the last event");
            }
            return new ThroughputResult(arrivals, calls, done[3], readableNanos, stopped[1] / 1e6, note);
        }
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
