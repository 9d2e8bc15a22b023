package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.spool.ParkedTopic;
import dev.kafkaspool.engine.spool.ParkedTopics;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecord;
import java.util.function.BooleanSupplier;

/**
 * The shipper's work for the parked topics ({@link ParkedTopics}): moving a spooled record of a
 * parked topic to the topic's store, and sending a parked topic's records, in order, through the
 * shipper's producer and window once its retry is due. The records join the shipper's window like
 * any other; the shipper commits them in their store ({@link InFlight#parkedIn}) as they are
 * answered. Shipper thread only.
 */
final class ParkedShipping {
    private static final byte[] NO_BYTES = new byte[0];

    private final ParkedTopics parked;
    private final InFlightWindow window;
    private final ProducerRecords records;
    private final Restamping restamping;
    private final ProblemReporter problems;
    private final Ticker ticker;
    private final BooleanSupplier windowHasRoom;
    private final SpoolRecord record = new SpoolRecord();
    /** Why the last {@link #ship} needs an outage, or null. */
    private Exception outageCause;

    ParkedShipping(ParkedTopics parked, InFlightWindow window, ProducerRecords records, Restamping restamping,
                   ProblemReporter problems, Ticker ticker, BooleanSupplier windowHasRoom) {
        this.parked = parked;
        this.window = window;
        this.records = records;
        this.restamping = restamping;
        this.problems = problems;
        this.ticker = ticker;
        this.windowHasRoom = windowHasRoom;
    }

    /**
     * A spooled record of a parked topic moves to the topic's store, after its earlier records; it
     * joins the window already answered, so the spool commits past it in its turn.
     */
    void move(ParkedTopic p, SpoolRecord r) {
        InFlight f = new InFlight(window, null, r.position, ticker.nanos(), 0, 0, 0, LogLevel.INFO, r.topic, null,
                NO_BYTES);
        try {
            parked.add(p, r);
            f.parked();
        } catch (SpoolException e) {
            problems.spoolWriteFailed(e);
            f.onCompletion(null, e);
        }
        window.add(f);
    }

    /**
     * Reads a parked topic whose turn it is and sends its records, in order, while the producer
     * takes them. When the producer does not take the first one, the topic waits for its next try;
     * when its buffer is full, the topic is read again once its records in flight are answered, as
     * the spool's are (see {@link Sender}): Kafka answers, and nothing is abandoned.
     *
     * @return the records handed on: sent, or dropped as damaged (0 when none was due)
     */
    int ship(ShippingProducer producer, int maxRecords) {
        outageCause = null;
        ParkedTopic p = parked.due(ticker.nanos());
        if (p != null) {
            p.beforeReading();
        }
        int handed = 0;
        while (p != null && handed < maxRecords && windowHasRoom.getAsBoolean() && p.store.read(record)) {
            SpoolRecord r = record;
            InFlight f = new InFlight(window, producer, r.position, ticker.nanos(), r.instanceId, r.sequence,
                    r.timestampMillis, r.level, r.topic, r.key, r.value == null ? NO_BYTES : r.value);
            f.parkedIn = p;
            if (r.damage != null) {
                problems.warn(r.damage + " (parked for topic " + p.topic + "); it is dropped (counted as spoolError)",
                        null);
                f.onCompletion(null, new SpoolException(r.damage, null));
            } else {
                f.restamped = restamping.appliesTo(f.topic, f.timestampMillis);
                try {
                    producer.client().send(records.create(f, producer.client()), f);
                } catch (RuntimeException e) {
                    f.onCompletion(null, e);
                }
                SendOutcome o = f.outcome();
                if (o == SendOutcome.BACKPRESSURE) {
                    p.bufferFull();
                    break;
                }
                if (o == SendOutcome.NO_METADATA || o == SendOutcome.FAILED) {
                    if (p.hasInFlight()) {
                        // Records read before it are in flight: start over from the oldest not acknowledged.
                        outageCause = f.failure();
                    } else {
                        p.notYet(ticker.nanos());
                    }
                    break;
                }
            }
            f.accepted();
            window.add(f);
            p.sent();
            handed++;
        }
        return handed;
    }

    /** Why the last {@link #ship} stopped in a way that needs an outage (abandon and re-read everything), or null. */
    Exception outageCause() {
        return outageCause;
    }
}
