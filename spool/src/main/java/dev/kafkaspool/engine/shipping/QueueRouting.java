package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EventQueue;
import dev.kafkaspool.engine.spool.ParkedTopic;

/**
 * Routes the events from the queue (memory durability), in order: to the spool while the spool is
 * not read to its end or Kafka is not taking events, to a parked topic's store for a parked topic,
 * and otherwise straight to the producer. When Kafka is slower than logging and both the window and
 * the queue are full, the spool takes over instead of the shipper waiting. Shipper thread only.
 */
final class QueueRouting implements EventQueue.Consumer {
    private final Shipment s;
    private final Answers answers;
    private final Sender sender;

    QueueRouting(Shipment s, Answers answers, Sender sender) {
        this.s = s;
        this.answers = answers;
        this.sender = sender;
    }

    /** Takes what the queue holds, as far as the window allows; true when it did something. */
    boolean takeFromQueue() {
        EventQueue queue = s.queue;
        if (queue != null && queue.size() > 0) {
            if (!s.direct || s.windowHasRoom()) {
                queue.poll(this);
                return true;
            } else if (queue.isFull()) {
                // Kafka is slower than logging and both buffers are full: spool instead of waiting.
                answers.leaveDirect();
                return true;
            }
        }
        return false;
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
        InFlight f = new InFlight(s.window, s.producer, InFlight.DIRECT, s.ticker.nanos(), s.instanceId,
                event.sequence(), event.timestampMillis(), event.level(), event.topic(), event.copyKey(),
                event.copyValue());
        sender.send(f);
        return !s.direct || s.windowHasRoom();
    }
}
