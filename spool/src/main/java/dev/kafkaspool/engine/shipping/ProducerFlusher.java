package dev.kafkaspool.engine.shipping;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Producer;

/**
 * Has a producer send the records it holds at once instead of after {@code linger.ms}: a
 * partition's first record goes alone, and every record behind it waits until Kafka has
 * acknowledged it ({@link FirstBatches}); left to the producer, it would first sit out the whole
 * linger in a batch that nothing else joins. {@code KafkaProducer.flush} makes the producer's
 * batches ready to send and then blocks until they are answered, so it runs on a thread of its
 * own, started at the first request: the shipper never waits for it. While a flush runs, every
 * batch the producer holds goes at once, without lingering; the shipper hands nothing but records
 * of partitions Kafka has acknowledged one on meanwhile.
 *
 * <p>A flush ends when its records are answered, and at once when their producer is closed (the
 * records it still holds fail). A failed flush is not reported: the records then wait out
 * {@code linger.ms}, as without it.
 */
final class ProducerFlusher implements Runnable {
    private final String threadName;
    /** The producer to flush next, or null. */
    private final AtomicReference<Producer<byte[], byte[]>> requested = new AtomicReference<>();
    private volatile Thread thread;
    private volatile boolean stopped;

    ProducerFlusher(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Asks for {@code producer}'s records to be sent at once; one asked for while a flush runs is
     * flushed after it. Shipper thread only.
     */
    void flush(Producer<byte[], byte[]> producer) {
        if (stopped) {
            return;
        }
        requested.set(producer);
        Thread t = thread;
        if (t == null) {
            t = new Thread(this, threadName);
            t.setDaemon(true);
            thread = t;
            t.start();
        } else {
            LockSupport.unpark(t);
        }
    }

    /** The flushing thread, once one was asked for; null before. */
    Thread thread() {
        return thread;
    }

    /** Ends the thread: at once when it waits, after its flush when one runs. */
    void stop() {
        stopped = true;
        requested.set(null);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            Producer<byte[], byte[]> producer = requested.getAndSet(null);
            if (producer == null) {
                LockSupport.park(this);
            } else {
                try {
                    producer.flush();
                } catch (RuntimeException e) { // NOPMD: the records then wait out linger.ms (see above)
                    // A producer closed meanwhile: what it held fails or goes again as usual.
                }
            }
            // Not interruptible: an interrupt would only make park return at once, again and again.
            Thread.interrupted();
        }
    }
}
