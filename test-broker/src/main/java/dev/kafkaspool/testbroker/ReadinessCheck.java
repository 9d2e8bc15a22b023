package dev.kafkaspool.testbroker;

import java.time.Duration;

/** How to tell that a freshly launched broker JVM is ready for the tests. */
@FunctionalInterface
interface ReadinessCheck {

    /**
     * Returns once the broker running in {@code broker} is ready; throws if it exits first or is
     * not ready within {@code timeout}.
     */
    void awaitReady(BrokerJvm broker, Duration timeout);
}
