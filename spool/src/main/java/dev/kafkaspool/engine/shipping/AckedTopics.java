package dev.kafkaspool.engine.shipping;

import java.util.HashSet;
import java.util.Set;

/**
 * The topics the current producer has had records acknowledged for: missing metadata for one of
 * these means an outage, not a new topic ({@link MetadataWait}). Told of every acknowledged
 * record; a run of records of one topic costs a reference comparison each. Shipper thread only.
 */
final class AckedTopics {
    private final Set<String> topics = new HashSet<>();
    /** The topic added last; null after a clear. */
    private String last;

    /** A record of {@code topic} was acknowledged. */
    void add(String topic) {
        if (topic != last) {
            topics.add(topic);
            last = topic;
        }
    }

    boolean contains(String topic) {
        return topics.contains(topic);
    }

    boolean isEmpty() {
        return topics.isEmpty();
    }

    /** The producer was abandoned: a new one has had nothing acknowledged. */
    void clear() {
        topics.clear();
        last = null;
    }
}
