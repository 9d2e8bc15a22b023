package dev.kafkaspool.engine;

/** What an engine's counters hold, for tests outside this package that drive the shipper's parts. */
public final class CounterReadings {
    private CounterReadings() {
    }

    public static long shipped(EngineCounters c) {
        return c.shipped();
    }

    public static long drained(EngineCounters c) {
        return c.drained();
    }

    public static long sendLatencyNanos(EngineCounters c) {
        return c.sendLatencyNanos();
    }
}
