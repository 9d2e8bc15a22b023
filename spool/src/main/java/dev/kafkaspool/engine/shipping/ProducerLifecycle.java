package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.ProblemReporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;

/**
 * Creates and closes producers on a thread of its own, and flushes them on another
 * ({@link ProducerFlusher}). Creating one resolves host names, closing one joins its I/O thread,
 * a flush lasts until Kafka answers; each can take seconds, and the shipper thread must never
 * wait for that.
 */
public final class ProducerLifecycle {
    private final ProducerFactory factory;
    private final Map<String, Object> properties;
    private final List<String> topics;
    private final ProblemReporter problems;
    private final ExecutorService executor;
    private final ProducerFlusher flusher;
    private final String name;
    /** Made once: appenders compare it with every logging thread's name. */
    private final String diagnosisAdminThreadName;
    private volatile Thread thread;
    private volatile Thread diagnosis;
    private Future<Producer<byte[], byte[]>> pending;

    /** @param topics the topics the events are expected to go to, whose metadata a new producer asks for at once */
    public ProducerLifecycle(String name, ProducerFactory factory, Map<String, Object> properties,
            Collection<String> topics, ProblemReporter problems) {
        this.factory = factory;
        this.properties = properties;
        this.topics = List.copyOf(topics);
        this.problems = problems;
        this.name = name;
        this.diagnosisAdminThreadName = TopicDiagnosis.ADMIN_THREAD_PREFIX + TopicDiagnosis.THREAD_PREFIX
                + properties.get("client.id");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kafka-spool-" + name + "-producer-lifecycle");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        this.flusher = new ProducerFlusher("kafka-spool-" + name + "-flusher");
    }

    /** Where the producers connect, for messages: the bootstrap servers and the security protocol. */
    String target() {
        Object protocol = properties.get("security.protocol");
        return properties.get("bootstrap.servers") + " over " + (protocol == null ? "PLAINTEXT" : protocol);
    }

    /** The lifecycle thread, once it exists. */
    public Thread thread() {
        return thread;
    }

    /** The thread that flushes producers, once one was flushed; null before. */
    public Thread flusherThread() {
        return flusher.thread();
    }

    /** The thread of the last diagnosis, or null. */
    public Thread diagnosisThread() {
        return diagnosis;
    }

    /** The name of the network thread of a diagnosis's admin client. */
    public String diagnosisAdminThreadName() {
        return diagnosisAdminThreadName;
    }

    /**
     * Asks Kafka, on a short-lived thread of its own, why {@code topic} stays missing from the
     * producer's metadata, and reports the answer as a warning (see {@link TopicDiagnosis}). One
     * diagnosis at a time: while one runs, another is not started. Shipper thread only.
     */
    void diagnose(String topic, Duration timeout) {
        Thread running = diagnosis;
        if (running != null && running.isAlive()) {
            return;
        }
        Thread t = new Thread(() -> problems.warn("events for topic " + topic + " wait in the spool; "
                + TopicDiagnosis.describe(properties, String.valueOf(properties.get("client.id")), topic, timeout),
                null), TopicDiagnosis.THREAD_PREFIX + name);
        t.setDaemon(true);
        diagnosis = t;
        t.start();
    }

    /**
     * A new producer if one is ready; otherwise starts creating one (if not already under way)
     * and returns null. Shipper thread only.
     */
    Producer<byte[], byte[]> poll() {
        if (pending == null) {
            pending = executor.submit(this::create);
            return null;
        }
        if (!pending.isDone()) {
            return null;
        }
        try {
            Producer<byte[], byte[]> p = pending.get();
            pending = null;
            return p;
        } catch (Exception e) {
            pending = null;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.failure("cannot create the Kafka producer (check 'bootstrapServers' and the producer "
                    + "properties): " + messages(cause) + "; events are spooled meanwhile", cause);
            return null;
        }
    }

    /**
     * Makes a producer and has it fetch the metadata of the expected topics at once: a send waits
     * for nothing ({@code max.block.ms=0}), so without it the first record of each topic is refused
     * and only then is the metadata fetched.
     */
    private Producer<byte[], byte[]> create() {
        Producer<byte[], byte[]> producer = factory.create(properties);
        for (String topic : topics) {
            if (TopicNames.isValid(topic)) {
                try {
                    producer.partitionsFor(topic);
                } catch (RuntimeException e) { // NOPMD: it only starts the fetch; a send reports what is wrong
                    // Refused at once while the metadata is not there yet: the producer fetches it meanwhile.
                }
            }
        }
        return producer;
    }

    /**
     * Has {@code producer} send the records it holds at once, without waiting for them to be
     * answered (see {@link ProducerFlusher}). Shipper thread only.
     */
    void sendAtOnce(ShippingProducer producer) {
        flusher.flush(producer.client());
    }

    /** Closes a producer in the background, abandoning what it still holds (unless it is closed already). */
    void retire(ShippingProducer producer) {
        executor.execute(() -> producer.close(Duration.ZERO));
    }

    /** Closes a producer, waiting up to {@code timeout}, then stops the lifecycle and flushing threads. */
    void shutdown(ShippingProducer last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<Producer<byte[], byte[]>> creation = pending;
        pending = null;
        if (creation != null) {
            // Not cancelled: a creation under way would still finish, and nothing would close its
            // producer. The executor runs one task at a time, so this runs after the creation.
            executor.execute(() -> closeCreated(creation));
        }
        if (last != null) {
            executor.execute(() -> last.close(timeout));
        }
        executor.shutdown();
        try {
            executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.stop();
    }

    /** The messages of a failure and its causes, which hold the useful part (e.g. a keystore's problem). */
    private static String messages(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 6; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.length() == 0 ? failure.getClass().getName() : sb.toString();
    }

    private void closeCreated(Future<Producer<byte[], byte[]>> creation) {
        try {
            closeQuietly(creation.get(), Duration.ZERO);
        } catch (Exception e) { // NOPMD: the creation failed, so there is nothing to close
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeQuietly(Producer<byte[], byte[]> producer, Duration timeout) {
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            problems.warn("closing the Kafka producer failed: " + e, e);
        }
    }
}
