package dev.kafkaspool.engine;

import java.util.concurrent.TimeUnit;

/** A clock that moves only when a test moves it. */
public final class ManualTicker implements Ticker {
    private volatile long nanos = 1_000_000_000L;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public long millis() {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    public void advance(long amount, TimeUnit unit) {
        nanos += unit.toNanos(amount);
    }
}
