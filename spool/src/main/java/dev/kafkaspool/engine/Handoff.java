package dev.kafkaspool.engine;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The bounded hand-off from logging threads to the shipper thread (memory durability): a ring of
 * preallocated {@link EncodedEvent} slots, so publishing copies bytes into a reused slot and
 * allocates nothing in steady state. Multi-producer, single consumer.
 */
final class Handoff {
    private final RingBuffer<EncodedEvent> ring;
    private final EventPoller<EncodedEvent> poller;

    Handoff(int requestedSize) {
        int size = Integer.highestOneBit(Math.max(requestedSize - 1, 1)) << 1;
        this.ring = RingBuffer.createMultiProducer(EncodedEvent::new, size);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /** Copies the event into a free slot; false at once when the ring is full. Any thread. */
    boolean offer(EncodedEvent event) {
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        try {
            ring.get(seq).copyFrom(event);
        } finally {
            ring.publish(seq);
        }
        return true;
    }

    /**
     * Hands published events to the handler in order until it returns false or none are left.
     * Shipper thread only. A slot is reused as soon as the handler returns, so the handler copies
     * what it keeps.
     */
    void poll(EventPoller.Handler<EncodedEvent> handler) {
        try {
            poller.poll(handler);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events published and not yet polled. */
    long size() {
        return ring.getCursor() - poller.getSequence().get();
    }

    boolean isFull() {
        return ring.remainingCapacity() == 0;
    }
}
