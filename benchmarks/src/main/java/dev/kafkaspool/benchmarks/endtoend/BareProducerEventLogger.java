package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * No logging framework: each event's message, as UTF-8 bytes, is sent with {@link KafkaProducer#send}
 * on the calling thread, without a key or callback; the producer's settings come from the
 * properties file in {@code -D}{@value #CONFIGURATION_PROPERTY}, the broker from
 * {@code outage.bootstrapServers}. {@link #main} is the bare producer application's entry point:
 * the least any appender shipping to Kafka has to do.
 */
final class BareProducerEventLogger implements EventLogger {
    static final String CONFIGURATION_PROPERTY = "outage.producerConfig";
    private final String topic = System.getProperty("outage.topic");
    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings(),
            new ByteArraySerializer(), new ByteArraySerializer());

    /** Runs the application; see {@link LoggingApplication}. */
    public static void main(String[] args) throws Exception {
        LoggingApplication.run(BareProducerEventLogger::new);
    }

    @Override
    public void log(long number) {
        producer.send(new ProducerRecord<>(topic, EventMessage.of(number).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void stop() {
        producer.close();
    }

    private static Properties settings() {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty(CONFIGURATION_PROPERTY)))) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("outage.bootstrapServers"));
        return settings;
    }
}
