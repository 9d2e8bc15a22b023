package dev.kafkaspool.engine;

import dev.kafkaspool.engine.spool.SpoolException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns problems into status messages without flooding the status channel: the first drop of each
 * reason is reported at once, later ones in one message per growing interval (10 s, then doubling
 * up to an hour); a repeated failure is reported when its message changes or its interval passed.
 * Thread-safe; costs a volatile read when nothing is due.
 */
public final class ProblemReporter {
    private static final long FIRST_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MAX_INTERVAL_NANOS = TimeUnit.HOURS.toNanos(1);

    private final String name;
    private final StatusListener status;
    private final EngineCounters counters;
    private final Ticker ticker;
    private final AtomicLong[] nextDropReport = new AtomicLong[DropReason.values().length];
    private final long[] dropInterval = new long[DropReason.values().length];
    private final long[] reportedDrops = new long[DropReason.values().length];
    private final AtomicLong nextFailureReport = new AtomicLong(Long.MIN_VALUE);
    private volatile String lastFailure = "";
    /** Topics already named in a warning about records Kafka refused; bounded. */
    private final java.util.Set<String> refusedTopics = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_REFUSED_TOPICS = 100;

    public ProblemReporter(String name, StatusListener status, EngineCounters counters, Ticker ticker) {
        this.name = name;
        this.status = status;
        this.counters = counters;
        this.ticker = ticker;
        for (int i = 0; i < nextDropReport.length; i++) {
            nextDropReport[i] = new AtomicLong(Long.MIN_VALUE);
            dropInterval[i] = FIRST_INTERVAL_NANOS;
        }
    }

    public void info(String message) {
        status.info("[" + name + "] " + message);
    }

    public void warn(String message, Throwable cause) {
        status.warn("[" + name + "] " + message, cause);
    }

    public void dropped(DropReason reason) {
        int i = reason.ordinal();
        long next = nextDropReport[i].get();
        long now = ticker.nanos();
        if (next != Long.MIN_VALUE && now - next < 0) {
            return;
        }
        long interval;
        synchronized (dropInterval) {
            interval = dropInterval[i];
            dropInterval[i] = Math.min(interval * 2, MAX_INTERVAL_NANOS);
        }
        if (!nextDropReport[i].compareAndSet(next, now + interval)) {
            return;
        }
        long total = counters.droppedCount(reason);
        long since = takeUnreported(i, total);
        warn("dropped " + since + " event(s), reason " + reason + " (" + explain(reason) + "); " + total
                + " dropped for this reason since start; next report for it in at most "
                + TimeUnit.NANOSECONDS.toSeconds(interval) + " s", null);
    }

    /**
     * At stop: the drops of each reason not reported yet, which the growing interval between
     * reports would otherwise leave unsaid when the process ends.
     */
    public void droppedSinceLastReport() {
        for (DropReason reason : DropReason.values()) {
            int i = reason.ordinal();
            long total = counters.droppedCount(reason);
            long since = takeUnreported(i, total);
            if (since > 0) {
                warn("dropped " + since + " event(s), reason " + reason + " (" + explain(reason) + ") since the last "
                        + "report; " + total + " dropped for this reason since start", null);
            }
        }
    }

    /** The drops of reason {@code i} since the last report, {@code total} now counting as reported. */
    private long takeUnreported(int i, long total) {
        synchronized (reportedDrops) {
            long since = total - reportedDrops[i];
            reportedDrops[i] = total;
            return since;
        }
    }

    /**
     * Kafka refused a record of {@code topic} for good (an invalid topic name, an invalid record):
     * names the topic once per topic and reason, besides the drop counts of {@link #dropped}.
     */
    public void refusedOnce(String topic, DropReason reason, String why) {
        if (refusedTopics.size() < MAX_REFUSED_TOPICS && refusedTopics.add(reason + " " + topic)) {
            warn("Kafka refused an event for topic " + topic + " for good (" + why + "); such events are dropped, "
                    + "counted as " + reason + ", and the others go on", null);
        }
    }

    /** A failure that repeats while it lasts (producer cannot start, spool cannot write). */
    public void failure(String message, Throwable cause) {
        long now = ticker.nanos();
        long next = nextFailureReport.get();
        boolean changed = !message.equals(lastFailure);
        if (!changed && next != Long.MIN_VALUE && now - next < 0) {
            return;
        }
        if (nextFailureReport.compareAndSet(next, now + FIRST_INTERVAL_NANOS * 6)) {
            lastFailure = message;
            warn(message, cause);
        }
    }

    public void spoolWriteFailed(SpoolException e) {
        failure(e.getMessage(), e.getCause());
    }

    private static String explain(DropReason reason) {
        switch (reason) {
            case SPOOL_FULL:
                return "the spool reached maxBytes; raise maxBytes or check why Kafka is not taking events";
            case RECORD_TOO_LARGE:
                return "larger than the producer's max.request.size or the topic's max.message.bytes";
            case REJECTED:
                return "the broker refused the record as invalid";
            case INVALID_TOPIC:
                return "the record's topic is a name Kafka never accepts";
            case QUEUE_FULL:
                return "the in-memory queue (queueSize events, queueMaxBytes bytes) stayed full for blockTimeout, "
                        + "or the heap had no room; raise them, or use disk durability";
            case SPOOL_ERROR:
                return "the spool could not write while Kafka could not take events";
            case STOPPED:
                return "logged after stop, or neither shipped nor spooled during stop";
            default:
                return reason.metricName();
        }
    }
}
