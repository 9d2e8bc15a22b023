package dev.kafkaspool.engine.shipping;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** Creates the engine's producers; replaced in unit tests. */
@FunctionalInterface
public interface ProducerFactory {
    ProducerFactory KAFKA = KafkaProducer::new;

    Producer<byte[], byte[]> create(Map<String, Object> properties);
}
