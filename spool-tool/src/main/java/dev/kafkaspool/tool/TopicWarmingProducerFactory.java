package dev.kafkaspool.tool;

import java.util.Map;
import java.util.Set;

import dev.kafkaspool.engine.ProducerFactory;
import org.apache.kafka.clients.producer.Producer;

/**
 * Makes the engine's Kafka producers and asks each, as it is made, for the metadata of every topic
 * in the spool. The engine's producer never waits for metadata ({@code max.block.ms=0}): the
 * first record of a topic it has no metadata for fails at once. A spool that holds several topics
 * would then fail on each new topic in turn; asking up front lets one metadata round fetch them all.
 *
 * <p><b>Thread-safe</b>: the topic set is immutable.
 */
final class TopicWarmingProducerFactory implements ProducerFactory {
    private final Set<String> topics;

    TopicWarmingProducerFactory(Set<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    @Override
    public Producer<byte[], byte[]> create(Map<String, Object> properties) {
        Producer<byte[], byte[]> producer = ProducerFactory.KAFKA.create(properties);
        for (String topic : topics) {
            try {
                producer.partitionsFor(topic);
            } catch (RuntimeException e) {
                // Expected: the metadata is not there yet; asking has put the topic in the next request.
            }
        }
        return producer;
    }
}
