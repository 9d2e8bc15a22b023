package dev.kafkaspool.samples.demo;

import java.time.Duration;

/**
 * When things happen in a demo run, counted from the moment both services log: the broker is
 * killed (kill -9) at {@code brokerKilledAt}, started again at {@code brokerRestartedAt}, and the
 * services stop logging at {@code servicesStopAt}.
 */
public final class DemoTimeline {

    private final Duration brokerKilledAt;
    private final Duration brokerRestartedAt;
    private final Duration servicesStopAt;
    private final int eventsPerSecond;

    /**
     * @param eventsPerSecond how many events each service logs per second
     * @throws IllegalArgumentException unless the kill comes before the restart and the restart before the stop
     */
    public DemoTimeline(Duration brokerKilledAt, Duration brokerRestartedAt, Duration servicesStopAt,
            int eventsPerSecond) {
        if (brokerKilledAt.isNegative() || brokerRestartedAt.compareTo(brokerKilledAt) <= 0
                || servicesStopAt.compareTo(brokerRestartedAt) <= 0 || eventsPerSecond <= 0) {
            throw new IllegalArgumentException("Expected 0 <= kill < restart < stop and a positive rate");
        }
        this.brokerKilledAt = brokerKilledAt;
        this.brokerRestartedAt = brokerRestartedAt;
        this.servicesStopAt = servicesStopAt;
        this.eventsPerSecond = eventsPerSecond;
    }

    /** About a minute in all: 45 s of logging with the broker down from 12 s to 30 s, 300 events/s. */
    public static DemoTimeline standard() {
        return new DemoTimeline(Duration.ofSeconds(12), Duration.ofSeconds(30), Duration.ofSeconds(45), 300);
    }

    public Duration brokerKilledAt() {
        return brokerKilledAt;
    }

    public Duration brokerRestartedAt() {
        return brokerRestartedAt;
    }

    public Duration servicesStopAt() {
        return servicesStopAt;
    }

    public int eventsPerSecond() {
        return eventsPerSecond;
    }
}
