package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EventQueue;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.spool.CappedSpool;
import dev.kafkaspool.engine.spool.ParkedTopics;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's one thread that talks to Kafka. It takes events from the queue in order and
 * either sends them straight to the producer (memory durability, spool empty, Kafka healthy) or
 * appends them to the spool, and it ships the spool in order. It never waits for the network:
 * the producer runs with {@code max.block.ms=0}, so a send Kafka cannot take fails at once.
 *
 * <p>Ordering rules that keep each partition in logging order:
 * <ul>
 *   <li>events go straight to Kafka only once the spool is read to its end;</li>
 *   <li>when the shipper stops sending straight to Kafka, for whatever reason, every record sent
 *       from memory and not yet acknowledged is copied to the spool first, before any newer event;
 *       while the producer that holds such a record is kept, the copy is not sent: it takes the
 *       record's answer ({@link HeldOriginals}), and is sent only once that producer is abandoned
 *       without having acknowledged the record;</li>
 *   <li>when Kafka fails a record, the producer is abandoned with everything it holds (closed
 *       from the failed record's callback, before it sends anything more: {@link ShippingProducer})
 *       and the spool is re-read from the last record acknowledged in order.</li>
 *   <li>a topic Kafka does not take records for (missing, not authorised) while it takes the
 *       others is parked ({@link ParkedTopics}): its records move from the spool to its own store,
 *       in order, and are shipped from there once Kafka takes the topic; the others go on.</li>
 *   <li>a record whose timestamp Kafka refused is read again with its topic's older records and
 *       sent with the send time as its timestamp ({@link Restamping}).</li>
 * </ul>
 *
 * <p>This class is the thread's loop; each round it delegates, in this order, to the parts that
 * share the {@code Shipment}: {@code AnswerCollector} (Kafka's answers, trouble, stalls),
 * {@code QueueRouting} (the events from the queue), {@code SpoolDrain} (the spool) and
 * {@code ParkedShipping} (the parked topics). {@code Sender} hands each record to the producer,
 * {@code MetadataWait} waits for a new topic's metadata, {@code Trouble} deals with outages, parking
 * and restamping, {@code Answers} counts and commits what Kafka answered, {@code ShipperState} keeps
 * the state and reports its changes, and {@code StopSequence} is the thread's last work at stop.
 */
public final class Shipper implements Runnable {
    private final Shipment shipment;
    private final ShipperState state;
    private final Trouble trouble;
    private final AnswerCollector collector;
    private final QueueRouting routing;
    private final SpoolDrain drain;
    private final ParkedShipping parkedShipping;
    private final StopSequence stop;
    private final ProblemReporter problems;
    private final Ticker ticker;
    private final CountDownLatch finished = new CountDownLatch(1);

    private int idleRounds;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile long stopDeadlineNanos;

    public Shipper(EventQueue queue, CappedSpool cappedSpool, ProducerLifecycle producers, ProducerRecords records,
            EngineCounters counters, ProblemReporter problems, Ticker ticker, long instanceId,
            long stallNanos, long holdNanos, long maxWindowBytes) {
        this.problems = problems;
        this.ticker = ticker;
        long startNanos = ticker.nanos();
        Shipment s = new Shipment(queue, cappedSpool, producers, records, counters, problems, ticker, instanceId,
                stallNanos, holdNanos, maxWindowBytes, startNanos);
        this.shipment = s;
        this.state = new ShipperState(s.spool, problems, ticker, queue != null, startNanos, stallNanos);
        Answers answers = new Answers(s);
        this.trouble = new Trouble(s, answers, state);
        MetadataWait metadata = new MetadataWait(s, answers, trouble);
        Sender sender = new Sender(s, answers, trouble, metadata);
        this.parkedShipping = new ParkedShipping(s, sender, trouble);
        this.collector = new AnswerCollector(s, answers, trouble, metadata, state);
        this.routing = new QueueRouting(s, answers, sender);
        this.drain = new SpoolDrain(s, sender, parkedShipping, state);
        this.stop = new StopSequence(s, answers, collector, routing, drain, parkedShipping, state);
    }

    public EngineState state() {
        return state.get();
    }

    public Thread thread() {
        return thread;
    }

    /** Asks the thread to finish: ship what it can until the deadline, spool the rest, close. */
    public void requestStop(long deadlineNanos) {
        stopDeadlineNanos = deadlineNanos;
        stopRequested = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits for the thread to finish, up to the deadline; true when it did. */
    public boolean awaitFinished(long deadlineNanos) {
        try {
            return finished.await(Math.max(0, deadlineNanos - ticker.nanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (!stopRequested) {
                try {
                    idle(step());
                } catch (RuntimeException | Error e) { // NOPMD: whatever happens, the shipper goes on
                    problems.failure("the shipper hit an unexpected error and goes on after a pause: " + e, e);
                    trouble.outage("unexpected error " + e);
                    LockSupport.parkNanos(Trouble.MAX_BACKOFF_NANOS);
                }
            }
            stop.finish(stopDeadlineNanos);
        } finally {
            state.stopped();
            finished.countDown();
        }
    }

    /** One round of work; true when it did something. */
    private boolean step() {
        shipment.sendClock.startRound();
        shipment.spool.maintain();
        shipment.parked.maintain();
        boolean worked = collector.collectAnswers();
        shipment.cappedSpool.kafkaAnswering(shipment.producerAnswers(), shipment.headMovedNanos);
        worked |= routing.takeFromQueue();
        worked |= drain.drainWhenDue();
        worked |= parkedShipping.shipDue();
        return worked;
    }

    private void idle(boolean worked) {
        if (worked) {
            idleRounds = 0;
            return;
        }
        idleRounds++;
        long pause = idleRounds < 10 ? 100_000 : idleRounds < 1000 ? 1_000_000 : 5_000_000;
        LockSupport.parkNanos(pause);
    }
}
