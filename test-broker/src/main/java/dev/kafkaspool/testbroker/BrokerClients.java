package dev.kafkaspool.testbroker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The short-lived clients this module uses to drive the broker: quick to notice a broker that is
 * (not yet) there, so that every wait can be bounded by the caller.
 */
final class BrokerClients {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(5);

    private BrokerClients() {
    }

    /** An admin client. */
    static Admin admin(String bootstrapServers) {
        Map<String, Object> config = common(bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
        return Admin.create(config);
    }

    /** A producer whose every send is acknowledged by the broker's log (acks=all) or fails within seconds. */
    static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        Map<String, Object> config = common(bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(REQUEST_TIMEOUT));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /**
     * A consumer without a group, for reading assigned partitions: it commits nothing, creates no
     * topic and sees records of open transactions too.
     */
    static KafkaConsumer<byte[], byte[]> reader(String bootstrapServers) {
        Map<String, Object> config = common(bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        // A position out of range goes back to the beginning, never on to the end past records not
        // read yet, as the default (latest) would; TopicReader leaves out what it reads twice.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private static Map<String, Object> common(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(REQUEST_TIMEOUT));
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        config.put(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, 200);
        return config;
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }
}
