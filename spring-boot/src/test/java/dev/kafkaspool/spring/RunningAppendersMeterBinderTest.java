package dev.kafkaspool.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Which registries already get the appenders' meters through Micrometer's global registry. */
class RunningAppendersMeterBinderTest {

    @Test
    void aRegistryInTheGlobalRegistryAtAnyDepthIsReachedThroughIt() {
        SimpleMeterRegistry direct = new SimpleMeterRegistry();
        SimpleMeterRegistry nested = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(nested);
        Metrics.addRegistry(direct);
        Metrics.addRegistry(composite);
        try {
            assertTrue(RunningAppendersMeterBinder.reachedThroughGlobalRegistry(Metrics.globalRegistry));
            assertTrue(RunningAppendersMeterBinder.reachedThroughGlobalRegistry(direct));
            assertTrue(RunningAppendersMeterBinder.reachedThroughGlobalRegistry(nested));
        } finally {
            Metrics.removeRegistry(direct);
            Metrics.removeRegistry(composite);
        }
    }

    @Test
    void aRegistryOutsideTheGlobalRegistryIsNot() {
        assertFalse(RunningAppendersMeterBinder.reachedThroughGlobalRegistry(new SimpleMeterRegistry()));
    }
}
