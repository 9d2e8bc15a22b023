package dev.kafkaspool.testbroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Decides that a broker is ready when it acknowledges a produce with acks=all: it then has
 * joined its own quorum, is unfenced, and leads its partitions. The probe writes to a topic of its
 * own, created explicitly so that it works with {@code auto.create.topics.enable=false} too.
 */
final class ReadinessProbe {

    /** The topic the probe writes one record to at every start. */
    private static final String TOPIC = "kafka-spool-test-broker-ready";

    private static final byte[] PROBE_VALUE = "ready?".getBytes(StandardCharsets.UTF_8);

    private ReadinessProbe() {
    }

    /**
     * Returns once a produce was acknowledged; throws if {@code broker} exits first or
     * {@code timeout} passes, with the last failure as cause.
     */
    static void awaitAcknowledgedProduce(String bootstrapServers, BrokerJvm broker, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        Throwable lastFailure = null;
        try (Admin admin = BrokerClients.admin(bootstrapServers);
             KafkaProducer<byte[], byte[]> producer = BrokerClients.producer(bootstrapServers)) {
            while (!deadline.hasPassed()) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("The broker JVM exited with code " + broker.exitCode());
                }
                try {
                    createProbeTopic(admin);
                    producer.send(new ProducerRecord<>(TOPIC, PROBE_VALUE)).get();
                    return;
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                } catch (KafkaException e) {
                    lastFailure = e;
                }
                deadline.pauseBeforeRetry();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
        throw new IllegalStateException("No produce was acknowledged within " + timeout.toSeconds()
                + " s; last failure: " + lastFailure, lastFailure);
    }

    private static void createProbeTopic(Admin admin) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
