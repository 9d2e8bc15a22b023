package dev.kafkaspool.samples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Starts a real Kafka broker in a temporary directory, writes one record to it with a plain
 * producer, reads it back, and closes the broker (also on Ctrl-C), printing each step with its
 * duration. Run it with {@code mvn -pl samples exec:java}.
 */
public final class BrokerDemo {

    private static final String TOPIC = "demo";
    private static final String MESSAGE = "hello from kafka-spool";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private BrokerDemo() {
    }

    /**
     * Runs the demo; returns normally (exit code 0) once the record was read back.
     *
     * @param args not used
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        long demoStart = System.nanoTime();
        Path dataDir = Files.createTempDirectory("kafka-spool-demo-");

        long stepStart = begin("Start a Kafka broker in " + dataDir);
        KafkaBroker broker = KafkaBroker.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "close-demo-broker"));
        end("ready at " + broker.bootstrapServers(), stepStart);
        try {
            stepStart = begin("Create topic \"" + TOPIC + "\"");
            broker.createTopic(TOPIC, 1);
            end("created", stepStart);

            stepStart = begin("Produce \"" + MESSAGE + "\" with acks=all");
            RecordMetadata ack = produce(broker);
            end("acknowledged at partition " + ack.partition() + ", offset " + ack.offset(), stepStart);

            stepStart = begin("Consume topic \"" + TOPIC + "\" from the beginning");
            end("read \"" + consumeTheMessage(broker) + "\"", stepStart);
        } finally {
            stepStart = begin("Close the broker");
            broker.close();
            end("stopped, " + dataDir + " deleted", stepStart);
        }
        System.out.printf("Done in %.2f s%n", secondsSince(demoStart));
    }

    private static RecordMetadata produce(KafkaBroker broker) throws ExecutionException, InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(TOPIC, MESSAGE)).get();
        }
    }

    private static String consumeTheMessage(KafkaBroker broker) {
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(TOPIC, 1, READ_TIMEOUT);
        if (records.size() != 1) {
            throw new IllegalStateException("Expected 1 record in " + TOPIC + ", read " + records.size());
        }
        String value = new String(records.get(0).value(), UTF_8);
        if (!MESSAGE.equals(value)) {
            throw new IllegalStateException("Expected \"" + MESSAGE + "\", read \"" + value + "\"");
        }
        return value;
    }

    /** Prints what a step is about to do; returns when it began. */
    private static long begin(String step) {
        System.out.print(step + " ... ");
        System.out.flush();
        return System.nanoTime();
    }

    /** Prints how the step that began at {@code stepStart} ended, and how long it took. */
    private static void end(String outcome, long stepStart) {
        System.out.printf("%s (%.2f s)%n", outcome, secondsSince(stepStart));
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
