package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.spool.ParkedTopic;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;

import org.apache.kafka.clients.producer.Producer;

/**
 * Ships the spool in order, as far as the window allows, when it is the spool's turn (a producer
 * is ready, no record waits for metadata, the back-off is over): records of a parked topic move to
 * its store ({@link ParkedShipping}), damaged ones are dropped in their turn, a copy of a record the
 * producer still holds takes that record's answer ({@link HeldOriginals}), the others are sent.
 * Once the spool is read to its end, events from the queue go straight to Kafka. Shipper thread only.
 */
final class SpoolDrain {
    /** The most records one round reads from the spool, or from a parked topic. */
    static final int DRAIN_BATCH = 2048;
    private static final int MAX_DAMAGE_REPORTS = 10;
    private static final byte[] NO_BYTES = new byte[0];

    private final Shipment s;
    private final Sender sender;
    private final ParkedShipping parkedShipping;
    private final ShipperState state;
    private final InFlightWindow window;
    private int damagedReported;

    SpoolDrain(Shipment s, Sender sender, ParkedShipping parkedShipping, ShipperState state) {
        this.s = s;
        this.sender = sender;
        this.parkedShipping = parkedShipping;
        this.state = state;
        this.window = s.window;
    }

    /** Gets a producer if there is none, then ships from the spool when it is the spool's turn; true when it did. */
    boolean drainWhenDue() {
        if (s.producer == null) {
            Producer<byte[], byte[]> created = s.producers.poll();
            if (created != null) {
                s.producer = new ShippingProducer(created, Thread.currentThread(), s.problems);
            }
        }
        boolean producerTakes = s.producer != null && !s.producer.isClosed() && !s.awaitingMetadata;
        if (!s.direct && producerTakes && s.ticker.nanos() - s.nextAttemptNanos >= 0) {
            return drain();
        }
        return false;
    }

    /** Ships records from the spool, in order, as far as the window allows. */
    private boolean drain() {
        if (s.bufferRefused != null) {
            // Refused by the producer's full buffer: it goes again first; while the buffer is full, nothing more is read.
            InFlight refused = sender.refusedAgain(false);
            if (refused == null || !sender.send(refused)) {
                return false;
            }
        }
        int sent = 0;
        while (sent < DRAIN_BATCH && s.windowHasRoom()) {
            SpoolRecord r = s.reads.next();
            if (r == null) {
                spoolReadToEnd();
                break;
            }
            if (r.damage != null) {
                skipDamaged(r);
                sent++;
                continue;
            }
            InFlight original = s.held.originalOf(r.instanceId, r.sequence);
            if (original != null) {
                // A copy of a record the producer holds: it takes the original's answer, unsent.
                window.add(new InFlight(window, r.position, original));
                sent++;
                continue;
            }
            if (s.moved.takeMoved(r.instanceId, r.sequence)) {
                parkedShipping.movedBefore(r);
                sent++;
                continue;
            }
            ParkedTopic p = s.parked.get(r.topic);
            if (p != null) {
                parkedShipping.move(p, r);
                sent++;
                continue;
            }
            InFlight f = new InFlight(window, s.producer, r.position, s.sendClock.nanos(), r.instanceId, r.sequence,
                    r.timestampMillis, r.level, r.topic, r.key, r.value);
            sent++;
            if (!sender.send(f)) {
                break;
            }
        }
        return sent > 0;
    }

    /**
     * A spooled record whose bytes are damaged cannot be shipped: it joins the window already
     * answered as undeliverable, so it is counted as dropped ({@code spoolError}) and committed in
     * its turn, and the records after it flow.
     */
    private void skipDamaged(SpoolRecord r) {
        if (damagedReported++ < MAX_DAMAGE_REPORTS) {
            s.problems.warn(r.damage + "; it is dropped (counted as spoolError) and the records after it are shipped"
                    + (damagedReported == MAX_DAMAGE_REPORTS ? "; further damaged records are only counted" : ""), null);
        }
        InFlight f = new InFlight(window, null, r.position, s.ticker.nanos(), 0, 0, 0, LogLevel.INFO, "", null, NO_BYTES);
        f.onCompletion(null, new SpoolException(r.damage, null));
        window.add(f);
    }

    private void spoolReadToEnd() {
        s.held.spoolReadToEnd();
        s.moved.spoolReadToEnd();
        if (s.queue != null) {
            s.direct = true;
        }
        if (state.get() != EngineState.SPOOLING && state.get() != EngineState.STARTING || window.isEmpty()) {
            state.change(EngineState.SHIPPING, null);
        }
    }
}
