package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EventQueue;
import dev.kafkaspool.engine.spool.ParkedTopic;

/**
 * Routes the events from the queue (memory durability), in order: to the spool while the spool is
 * not read to its end or Kafka is not taking events, to a parked topic's store for a parked topic,
 * and otherwise straight to the producer. Shipper thread only.
 *
 * <p>While Kafka answers ({@link Shipment#kafkaAnswering}), new events stay in the queue rather than
 * going to the spool: behind a spool that is being drained they wait until it is read to its end,
 * and with the window full they wait for room. Writing them to the spool and reading them back
 * would cost the shipper more than sending them, so a burst that outran Kafka at start-up would
 * never be caught up with. Logging threads that find the queue full wait for room
 * ({@code blockTimeout}); once the queue has been full for {@link Shipment#holdNanos} (a tenth of
 * {@code blockTimeout}), or as soon as Kafka stops answering, the queue goes to the spool and
 * logging threads no longer wait.
 */
final class QueueRouting implements EventQueue.Consumer {
    private final Shipment s;
    private final Answers answers;
    private final Sender sender;
    /** Since when the queue has been full; 0 when it is not. */
    private long fullSinceNanos;

    QueueRouting(Shipment s, Answers answers, Sender sender) {
        this.s = s;
        this.answers = answers;
        this.sender = sender;
    }

    /** Takes what the queue holds, as far as the window allows; true when it did something. */
    boolean takeFromQueue() {
        EventQueue queue = s.queue;
        if (queue == null || queue.size() == 0) {
            fullSinceNanos = 0;
            return false;
        }
        long now = s.ticker.nanos();
        boolean full = queue.isFull();
        if (!full) {
            fullSinceNanos = 0;
        } else if (fullSinceNanos == 0) {
            fullSinceNanos = now;
        }
        boolean hold = s.kafkaAnswering(now) && (!full || now - fullSinceNanos < s.holdNanos);
        if (s.direct) {
            if (s.windowHasRoom()) {
                queue.poll(this);
                return true;
            }
            if (full && !hold) {
                // Kafka stopped answering, or is slower than logging for longer than the hold: spool instead of waiting.
                answers.leaveDirect();
                fullSinceNanos = 0;
                return true;
            }
            return false;
        }
        if (hold) {
            return false;
        }
        queue.poll(this);
        fullSinceNanos = 0;
        return true;
    }

    /** Routes one event from the queue; returns whether to take the next one now. */
    @Override
    public boolean onEvent(EncodedEvent event) {
        if (!s.direct) {
            s.cappedSpool.append(s.instanceId, event);
            return true;
        }
        ParkedTopic p = s.parked.get(event.topic());
        if (p != null) {
            s.cappedSpool.append(s.instanceId, event, p.store);
            return s.windowHasRoom();
        }
        InFlight f = new InFlight(s.window, s.producer, InFlight.DIRECT, s.sendClock.nanos(), s.instanceId,
                event.sequence(), event.timestampMillis(), event.level(), event.topic(), event.copyKey(),
                event.copyValue());
        sender.send(f);
        return !s.direct || s.windowHasRoom();
    }
}
