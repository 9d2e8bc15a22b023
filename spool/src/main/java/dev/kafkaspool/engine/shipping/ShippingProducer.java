package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.ProblemReporter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The shipper's producer, closed once, and at once when Kafka gives up on one of its records.
 *
 * <p>Why at once: after it fails a batch (a batch that timed out, a sequence error), the Kafka
 * producer goes on with the next batches of the same partition. Kafka would then hold later events
 * of that partition and not the failed ones, and their copies from the spool would land behind
 * them. So the failed record's callback closes the producer itself, on the producer's I/O thread,
 * where {@code close} does not wait and no batch is sent after it; the batches it still holds fail
 * as "closed forcefully" and are shipped again from the spool, in order, by a new producer. Later
 * batches of the partition already in flight (up to {@code max.in.flight.requests.per.connection})
 * are refused by the broker, which writes a producer's batches only in their sequence once it
 * has written one of them; until then a partition's first record goes alone ({@link FirstBatches}).
 *
 * <p>A failure reported inside {@code send} on the shipper thread does not close it here: that
 * record was never accepted, and the shipper deals with it before it sends anything else.
 */
public final class ShippingProducer {
    private final Producer<byte[], byte[]> client;
    private final Thread shipper;
    private final ProblemReporter problems;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final FirstBatches firstBatches = new FirstBatches();
    /** The record whose callback closed it; its failure is what Kafka gave up on. */
    private volatile InFlight closedBy;

    ShippingProducer(Producer<byte[], byte[]> client, Thread shipper, ProblemReporter problems) {
        this.client = client;
        this.shipper = shipper;
        this.problems = problems;
    }

    Producer<byte[], byte[]> client() {
        return client;
    }

    /** Which partitions Kafka has acknowledged a record from it on; shipper thread only. */
    FirstBatches firstBatches() {
        return firstBatches;
    }

    /**
     * From a record's callback, once it holds its failure: Kafka gave up on the record. Closes the
     * producer unless on the shipper thread.
     */
    void recordFailed(InFlight record) {
        if (Thread.currentThread() == shipper || closed.get()) {
            return;
        }
        closedBy = record;
        close(Duration.ZERO);
    }

    /** True once closing has begun: the shipper must not send through it and needs a new one. */
    boolean isClosed() {
        return closed.get();
    }

    /**
     * Whether the producer holds a connection to a broker, open or being opened, from its
     * {@code connection-count} metric; true when the client has no such metric (a mock), so that
     * nothing is given up on a guess. Allocates: for the stop, not for every round.
     */
    boolean isConnected() {
        double connections = metric("connection-count");
        return Double.isNaN(connections) || connections > 0;
    }

    /**
     * How many responses brokers have sent the producer, from its {@code response-total} metric.
     * Zero when the client has no such metric (a mock). Allocates: for the stop, not for every round.
     */
    double responses() {
        return total("response-total");
    }

    /**
     * How many of the producer's connections have closed, from its {@code connection-close-total}
     * metric: a refused or failed attempt to connect counts too. Zero when the client has no such
     * metric (a mock). Allocates: for the stop, not for every round.
     */
    double connectionsClosed() {
        return total("connection-close-total");
    }

    /**
     * Whether a broker answers this producer: it holds an open connection and has had a response
     * ({@code response-total}). A connection that a listener accepts and never answers on, such as
     * plaintext to a TLS port, is not an answer. True when the client has no such metrics (a mock).
     * Allocates: not for every round.
     */
    boolean isAnswered() {
        double responses = metric("response-total");
        return isConnected() && (Double.isNaN(responses) || responses > 0);
    }

    /**
     * Why the producer would refuse a record of {@code topic} at once for missing metadata, or null
     * when it has the topic's metadata (or refuses for another reason, which a send deals with). A
     * producer that has lost every broker starts again from {@code bootstrap.servers} and forgets the
     * topics it knew. Allocates: not for every round.
     */
    Exception missingMetadata(String topic) {
        try {
            client.partitionsFor(topic);
            return null;
        } catch (RuntimeException e) {
            return SendOutcome.of(e) == SendOutcome.NO_METADATA ? e : null;
        }
    }

    /** One of the producer's own running totals, zero when it has no such metric. */
    private double total(String name) {
        double value = metric(name);
        return Double.isNaN(value) ? 0 : value;
    }

    /** The value of one of the producer's own metrics ({@code producer-metrics}), NaN when it has none. */
    private double metric(String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : client.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals("producer-metrics")) {
                Object value = e.getValue().metricValue();
                return value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The failure that made a callback close it, or null. */
    Exception abandonedFor() {
        InFlight record = closedBy;
        return record == null ? null : record.failure();
    }

    /** The record whose callback closed it, or null. */
    InFlight closedBy() {
        return closedBy;
    }

    /** Closes it, waiting up to {@code timeout} (zero abandons what it holds); only the first call closes. */
    void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            client.close(timeout);
        } catch (RuntimeException e) {
            problems.warn("closing the Kafka producer failed: " + e, e);
        }
    }
}
