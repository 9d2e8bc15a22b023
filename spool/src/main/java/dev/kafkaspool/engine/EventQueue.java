package dev.kafkaspool.engine;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The bounded queue from logging threads to the shipper thread (memory durability): a ring of
 * preallocated {@link EncodedEvent} slots, so publishing copies bytes into a reused slot and
 * allocates nothing in steady state. Multi-producer, single consumer.
 *
 * <p>Bounded twice: by its number of slots ({@code queueSize}) and by the bytes the events in it
 * hold ({@code queueMaxBytes}), so a burst of large events cannot fill the heap. A slot lets go of
 * arrays larger than {@link #SLOT_KEEP_BYTES} once the shipper has taken its event, so the ring
 * does not keep the largest event's size in every slot.
 */
public final class EventQueue {
    /** Arrays up to this size stay in their slot for reuse; larger ones are let go after use. */
    static final int SLOT_KEEP_BYTES = 4 << 10;

    private final RingBuffer<EncodedEvent> ring;
    private final EventPoller<EncodedEvent> poller;
    private final long maxBytes;
    private final AtomicLong heldBytes = new AtomicLong();
    private final Taking taking = new Taking();

    EventQueue(int requestedSize, long maxBytes) {
        int size = Integer.highestOneBit(Math.max(requestedSize - 1, 1)) << 1;
        // The shipper polls and parks on its own; a wait strategy that signals waiters would take a
        // lock on every publish for nobody.
        this.ring = RingBuffer.createMultiProducer(EncodedEvent::new, size, new BusySpinWaitStrategy());
        this.poller = ring.newPoller();
        this.maxBytes = maxBytes;
        ring.addGatingSequences(poller.getSequence());
    }

    /** Copies the event into a free slot; false at once when the ring or its byte bound is full. Any thread. */
    boolean offer(EncodedEvent event) {
        int bytes = event.heldBytes();
        long held = heldBytes.addAndGet(bytes);
        if (held > maxBytes && held != bytes) {
            heldBytes.addAndGet(-bytes);
            return false;
        }
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            heldBytes.addAndGet(-bytes);
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
     * What takes the events from the queue, one at a time, in order: the shipper. A slot is reused as
     * soon as {@link #onEvent} returns, so it copies what it keeps.
     */
    public interface Consumer {
        /** Takes one event; returns whether to take the next one now. */
        boolean onEvent(EncodedEvent event);
    }

    /**
     * Hands published events to the consumer in order until it returns false or none are left.
     * Shipper thread only. A slot is reused as soon as the consumer returns, so the consumer copies
     * what it keeps.
     */
    public void poll(Consumer consumer) {
        taking.consumer = consumer;
        try {
            poller.poll(taking);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            taking.consumer = null;
        }
    }

    /** Events published and not yet polled. */
    public long size() {
        return ring.getCursor() - poller.getSequence().get();
    }

    /** Bytes the events published and not yet polled hold. */
    long heldBytes() {
        return heldBytes.get();
    }

    public boolean isFull() {
        return ring.remainingCapacity() == 0;
    }

    /** Passes each event to the shipper's consumer, then frees its bytes and lets go of large arrays. */
    private final class Taking implements EventPoller.Handler<EncodedEvent> {
        Consumer consumer;

        @Override
        public boolean onEvent(EncodedEvent event, long sequence, boolean endOfBatch) throws Exception {
            try {
                return consumer.onEvent(event);
            } finally {
                heldBytes.addAndGet(-event.heldBytes());
                event.shrink(SLOT_KEEP_BYTES);
            }
        }
    }
}
