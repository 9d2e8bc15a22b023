package dev.kafkaspool.engine.shipping;

import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.spool.Spool;

/**
 * The engine's state as the shipper moves it, and the messages its changes give: Kafka not taking
 * events (not while starting, within {@code stallTimeout} of the start), connected or taking events
 * again with the spool shipped first, the spool shipped. Changed on the shipper thread, read by any.
 */
final class ShipperState {
    private final Spool spool;
    private final ProblemReporter problems;
    private final Ticker ticker;
    /** Events come from the queue (memory durability): once the spool is shipped they go to Kafka directly. */
    private final boolean fromQueue;
    private final long startNanos;
    private final long stallNanos;
    private volatile EngineState state = EngineState.STARTING;

    ShipperState(Spool spool, ProblemReporter problems, Ticker ticker, boolean fromQueue, long startNanos,
                 long stallNanos) {
        this.spool = spool;
        this.problems = problems;
        this.ticker = ticker;
        this.fromQueue = fromQueue;
        this.startNanos = startNanos;
        this.stallNanos = stallNanos;
    }

    EngineState get() {
        return state;
    }

    /** The shipper thread has finished; no change follows. */
    void stopped() {
        state = EngineState.STOPPED;
    }

    void change(EngineState next, String cause) {
        EngineState previous = state;
        if (previous == next || previous == EngineState.STOPPED) {
            return;
        }
        state = next;
        if (next == EngineState.SPOOLING) {
            boolean stillStarting = previous == EngineState.STARTING && ticker.nanos() - startNanos < stallNanos;
            if (!stillStarting) {
                problems.warn("Kafka is not taking events (" + cause + "); spooling to the "
                        + spool.description() + ", " + spool.pendingEvents() + " event(s) waiting", null);
            } else {
                state = EngineState.STARTING;
            }
        } else if (next == EngineState.DRAINING && previous == EngineState.STARTING) {
            problems.info("connected to Kafka; shipping " + spool.pendingEvents()
                    + " spooled event(s) before new ones");
        } else if (next == EngineState.DRAINING) {
            problems.info("Kafka is taking events again; shipping " + spool.pendingEvents()
                    + " spooled event(s) before new ones");
        } else if (next == EngineState.SHIPPING && previous != EngineState.STARTING) {
            problems.info(fromQueue ? "the spool is shipped; events go to Kafka directly again"
                    : "Kafka has caught up with the spool");
        }
    }
}
