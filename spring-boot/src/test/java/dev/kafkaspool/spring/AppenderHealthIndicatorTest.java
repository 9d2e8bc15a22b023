package dev.kafkaspool.spring;

import dev.kafkaspool.engine.EngineState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The status each engine state maps to; the running application's health is tested in the Spring Boot sample. */
class AppenderHealthIndicatorTest {

    @Test
    void kafkaNotTakingEventsIsSpoolingNeverDown() {
        assertEquals("SPOOLING", AppenderHealthIndicator.statusOf(EngineState.SPOOLING).getCode());
    }

    @Test
    void startingShippingAndDrainingAreUp() {
        assertEquals(Status.UP, AppenderHealthIndicator.statusOf(EngineState.STARTING));
        assertEquals(Status.UP, AppenderHealthIndicator.statusOf(EngineState.SHIPPING));
        assertEquals(Status.UP, AppenderHealthIndicator.statusOf(EngineState.DRAINING));
    }

    @Test
    void aStoppedAppenderIsDown() {
        assertEquals(Status.DOWN, AppenderHealthIndicator.statusOf(EngineState.STOPPED));
    }

    @Test
    void anAppenderThatIsNotRunningIsDown() {
        assertEquals(Status.DOWN, new AppenderHealthIndicator("no-such-appender").health().getStatus());
    }
}
