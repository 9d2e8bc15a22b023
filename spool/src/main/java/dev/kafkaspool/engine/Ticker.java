package dev.kafkaspool.engine;

/** The engine's clock; injected so tests can control time. */
public interface Ticker {
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    };

    /** Monotonic time, for timeouts and ages. */
    long nanos();

    /** Wall-clock time, for timestamps. */
    long millis();
}
