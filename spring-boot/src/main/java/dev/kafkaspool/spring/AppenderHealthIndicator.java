package dev.kafkaspool.spring;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kafkaspool.pipeline.RunningPipelines;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one running kafka-spool appender, read from its pipeline's state and counters.
 *
 * <ul>
 *   <li>{@code UP} while it starts, ships, or drains the spool into Kafka;</li>
 *   <li>{@link #SPOOLING} while Kafka does not take events and they wait in the spool: the
 *       application is fine, its logs are late. Spring Boot's status aggregator leaves a status out
 *       unless {@code management.endpoint.health.status.order} names it, and its HTTP mapping answers
 *       503 only for {@code DOWN} and {@code OUT_OF_SERVICE}: {@code /actuator/health} stays 200;</li>
 *   <li>{@code DOWN} once the appender stopped: events are dropped.</li>
 * </ul>
 *
 * The details are the state, the counters, the drops by reason, and {@code problem} when the
 * appender keeps less than its configuration promises (no disk spool, events dropped lately).
 * <b>Thread-safe.</b>
 */
public final class AppenderHealthIndicator implements HealthIndicator {

    /** Kafka does not take events; they wait in the spool and are shipped when it does again. */
    public static final Status SPOOLING = new Status("SPOOLING", "Kafka does not take events; they wait in the spool");

    private final String appender;

    /** The indicator of the running appender of that name. */
    public AppenderHealthIndicator(String appender) {
        this.appender = appender;
    }

    @Override
    public Health health() {
        return RunningPipelines.find(appender)
                .map(running -> health(running.stats(), running.topic()))
                .orElseGet(() -> Health.down().withDetail("state", EngineState.STOPPED.toString()).build());
    }

    /** The health for these counters; what {@link #health()} reports for a running appender. */
    static Health health(EngineStats stats, String topic) {
        Health.Builder health = Health.status(statusOf(stats.state()))
                .withDetail("state", stats.state().toString())
                .withDetail("topic", topic)
                .withDetail("accepted", stats.accepted())
                .withDetail("shipped", stats.shipped())
                .withDetail("spooled", stats.spooled())
                .withDetail("drained", stats.drained())
                .withDetail("dropped", stats.droppedTotal())
                .withDetail("droppedByReason", droppedByReason(stats))
                .withDetail("spoolBytes", stats.spoolBytes())
                .withDetail("spoolEvents", stats.spoolEvents())
                .withDetail("oldestUnshippedAgeMillis", stats.oldestUnshippedAgeMillis())
                .withDetail("diskSpool", stats.diskSpool());
        if (stats.problem() != null) {
            health.withDetail("problem", stats.problem());
        }
        return health.build();
    }

    static Status statusOf(EngineState state) {
        switch (state) {
            case SPOOLING:
                return SPOOLING;
            case STOPPED:
                return Status.DOWN;
            default:
                return Status.UP;
        }
    }

    private static Map<String, Long> droppedByReason(EngineStats stats) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (DropReason reason : DropReason.values()) {
            byReason.put(reason.metricName(), stats.dropped(reason));
        }
        return byReason;
    }
}
