package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.ProblemReporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which records are sent with the send time as their Kafka timestamp instead of the event's time.
 * A broker refuses a record whose timestamp lies outside the topic's
 * {@code message.timestamp.before.max.ms} / {@code after.max.ms} (events spooled through a long
 * outage, a clock far off); delivery matters more than the record's timestamp, and the event's own
 * time stays in the record's value. Once Kafka refused a timestamp of a topic as too old, the
 * records of that topic older than the earliest time the broker said it takes, plus
 * {@link #EDGE_MILLIS} (its window moves on while the spool drains), are restamped; the others keep
 * their own time. When the broker names no window, or the refused timestamp was too new, every
 * record of the topic whose event time is not after the newer of the refused timestamp and the
 * moment of the refusal is restamped. Shipper thread only.
 */
public final class Restamping {
    /** How far past the earliest time the broker takes a record is restamped too. */
    static final long EDGE_MILLIS = TimeUnit.MINUTES.toMillis(5);
    /** The window a broker names when it refuses a timestamp: "... should be within [earliest, latest]". */
    private static final Pattern WINDOW = Pattern.compile("within \\[(-?\\d+), ?(-?\\d+)\\]");
    private final Map<String, Long> cutoffByTopic = new HashMap<>();

    /** Whether a record of {@code topic} with this event time is sent with the send time. */
    boolean appliesTo(String topic, long timestampMillis) {
        if (cutoffByTopic.isEmpty()) {
            return false;
        }
        Long cutoff = cutoffByTopic.get(topic);
        return cutoff != null && timestampMillis <= cutoff;
    }

    /**
     * Takes note of the records in the window whose timestamp Kafka refused, and warns once per
     * topic.
     *
     * @return false when there is none
     */
    boolean takeRefused(InFlightWindow window, long nowMillis, ProblemReporter problems) {
        List<InFlight> refused = window.all(InFlight::refusedTimestamp);
        if (refused.isEmpty()) {
            return false;
        }
        for (InFlight f : refused) {
            if (refused(f.topic, f.timestampMillis, nowMillis, f.failure())) {
                problems.warn("Kafka refused the timestamp of events for topic " + f.topic + " (" + f.failure()
                        + "; see the topic's message.timestamp.before.max.ms and after.max.ms): they are sent again "
                        + "with the send time as the record's timestamp, each event's own time stays in its value; "
                        + "counted as restamped", null);
            }
        }
        return true;
    }

    /**
     * Kafka refused the timestamp of a record of {@code topic} at {@code nowMillis}, with
     * {@code failure}.
     *
     * @return true the first time for this topic (to report it once)
     */
    boolean refused(String topic, long refusedTimestampMillis, long nowMillis, Exception failure) {
        long cutoff = Math.max(refusedTimestampMillis, nowMillis);
        long earliest = earliestTaken(failure);
        if (earliest != Long.MIN_VALUE && refusedTimestampMillis < earliest) {
            cutoff = Math.min(cutoff, earliest + EDGE_MILLIS);
        }
        Long before = cutoffByTopic.get(topic);
        cutoffByTopic.put(topic, before == null ? cutoff : Math.max(cutoff, before));
        return before == null;
    }

    /** The earliest timestamp the broker said it takes, from its refusal's message; {@code Long.MIN_VALUE} when it names none. */
    static long earliestTaken(Exception failure) {
        String message = failure == null ? null : failure.getMessage();
        if (message == null) {
            return Long.MIN_VALUE;
        }
        Matcher m = WINDOW.matcher(message);
        if (!m.find()) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
