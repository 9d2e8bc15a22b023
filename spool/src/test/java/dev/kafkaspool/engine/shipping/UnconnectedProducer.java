package dev.kafkaspool.engine.shipping;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A mock producer without a connection until the test connects it: its connection metrics say so
 * (as the Kafka producer's {@code connection-count}, {@code connection-close-total} and
 * {@code response-total}), and a send fails at once as the Kafka producer's does without metadata
 * ({@code max.block.ms=0}). Once connected it acknowledges every record.
 */
final class UnconnectedProducer extends MockProducer<byte[], byte[]> {
    private volatile boolean connected;
    private volatile boolean connecting;
    private volatile double closed;
    private volatile double responses;

    UnconnectedProducer() {
        super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        metric("connection-count", () -> connected || connecting ? 1 : 0);
        metric("connection-close-total", () -> closed);
        metric("response-total", () -> responses);
    }

    /** Connected: brokers answer and every record is acknowledged. */
    void connect() {
        connected = true;
        responses++;
    }

    /**
     * A connection that fails after {@code millis} without an answer (refused, or opened and closed
     * by a failed TLS handshake), as the Kafka producer counts it: a connection meanwhile, a closed
     * one after it.
     */
    void failsUnansweredAfter(long millis) throws InterruptedException {
        connecting = true;
        Thread.sleep(millis);
        connecting = false;
        closed++;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (!connected) {
            TimeoutException e = new TimeoutException("Topic " + record.topic() + " not present in metadata after 0 ms.");
            callback.onCompletion(null, e);
            return CompletableFuture.failedFuture(e);
        }
        return super.send(record, callback);
    }

    private void metric(String name, DoubleSupplier value) {
        MetricName metricName = new MetricName(name, "producer-metrics", "", Map.of());
        setMockMetrics(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value.getAsDouble();
            }
        });
    }
}
