package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.ProblemReporter;
import java.util.HashMap;
import java.util.Map;

/**
 * Which records are sent with the send time as their Kafka timestamp instead of the event's time.
 * A broker refuses a record whose timestamp lies outside the topic's
 * {@code message.timestamp.before.max.ms} / {@code after.max.ms} (events spooled through a long
 * outage, a clock far off); delivery matters more than the record's timestamp, and the event's own
 * time stays in the record's value. Once Kafka refused a timestamp of a topic, every record of
 * that topic whose event time is not after the newer of the refused timestamp and the moment of
 * the refusal is restamped; events logged later keep their own time. Shipper thread only.
 */
public final class Restamping {
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
        java.util.List<InFlight> refused = window.all(InFlight::refusedTimestamp);
        if (refused.isEmpty()) {
            return false;
        }
        for (InFlight f : refused) {
            if (refused(f.topic, f.timestampMillis, nowMillis)) {
                problems.warn("Kafka refused the timestamp of events for topic " + f.topic + " (" + f.failure()
                        + "; see the topic's message.timestamp.before.max.ms and after.max.ms): they are sent again "
                        + "with the send time as the record's timestamp, each event's own time stays in its value; "
                        + "counted as restamped", null);
            }
        }
        return true;
    }

    /**
     * Kafka refused the timestamp of a record of {@code topic} at {@code nowMillis}.
     *
     * @return true the first time for this topic (to report it once)
     */
    boolean refused(String topic, long refusedTimestampMillis, long nowMillis) {
        long cutoff = Math.max(refusedTimestampMillis, nowMillis);
        Long before = cutoffByTopic.get(topic);
        cutoffByTopic.put(topic, before == null ? cutoff : Math.max(cutoff, before));
        return before == null;
    }
}
