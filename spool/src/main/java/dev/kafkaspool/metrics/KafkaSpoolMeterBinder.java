package dev.kafkaspool.metrics;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineState;
import dev.kafkaspool.engine.EngineStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The same counters and gauges as {@link KafkaSpoolMXBean}, as Micrometer meters tagged with
 * {@code appender} and {@code topic}. The pipeline binds one to Micrometer's global registry when
 * Micrometer is on the class path; an application may bind one to any registry. Meter names are
 * listed in docs/operations.md, "Metrics and health". <b>Thread-safe.</b>
 */
public final class KafkaSpoolMeterBinder implements MeterBinder {
    private final Supplier<EngineStats> stats;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    public KafkaSpoolMeterBinder(Supplier<EngineStats> stats, String appender, String topic) {
        this.stats = stats;
        this.tags = Tags.of("appender", appender, "topic", topic);
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Supplier<EngineStats> s = stats;
        counter(registry, "kafka.spool.events.accepted", "Events the appender took", st -> st.get().accepted());
        counter(registry, "kafka.spool.events.shipped", "Events Kafka acknowledged", st -> st.get().shipped());
        counter(registry, "kafka.spool.events.spooled", "Events written to the spool", st -> st.get().spooled());
        counter(registry, "kafka.spool.events.drained", "Shipped events that came from the spool",
                st -> st.get().drained());
        counter(registry, "kafka.spool.events.restamped", "Shipped events sent with the send time as their timestamp, "
                + "because Kafka refused the event's own time", st -> st.get().restamped());
        for (DropReason reason : DropReason.values()) {
            meters.add(FunctionCounter.builder("kafka.spool.events.dropped", s, st -> st.get().dropped(reason))
                    .description("Events dropped, by reason").tags(tags).tag("reason", reason.metricName())
                    .register(registry));
        }
        meters.add(Gauge.builder("kafka.spool.spool.bytes", s, st -> st.get().spoolBytes()).baseUnit("bytes")
                .description("Bytes in the spool not yet acknowledged").tags(tags).register(registry));
        meters.add(Gauge.builder("kafka.spool.spool.events", s, st -> st.get().spoolEvents())
                .description("Events in the spool not yet acknowledged").tags(tags).register(registry));
        counter(registry, "kafka.spool.spool.syncs", "Times the disk spool was forced to the disk",
                st -> st.get().spoolSyncs());
        meters.add(TimeGauge.builder("kafka.spool.oldest.unshipped.age", s, TimeUnit.MILLISECONDS,
                st -> st.get().oldestUnshippedAgeMillis())
                .description("Age of the oldest event in the spool").tags(tags).register(registry));
        meters.add(FunctionTimer.builder("kafka.spool.send.latency", s, st -> st.get().shipped(),
                st -> st.get().sendLatencyTotalNanos(), TimeUnit.NANOSECONDS)
                .description("Time from send to Kafka's acknowledgement").tags(tags).register(registry));
        for (EngineState state : EngineState.values()) {
            meters.add(Gauge.builder("kafka.spool.state", s, st -> st.get().state() == state ? 1 : 0)
                    .description("1 for the appender's current delivery state, 0 for the others").tags(tags)
                    .tag("state", state.toString()).register(registry));
        }
        meters.add(Gauge.builder("kafka.spool.degraded", s, st -> st.get().problem() != null ? 1 : 0)
                .description("1 while the appender keeps less than its configuration promises").tags(tags)
                .register(registry));
    }

    /** Micrometer holds a meter's state object weakly: the state is always {@link #stats}, which this binder holds. */
    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<Supplier<EngineStats>> value) {
        meters.add(FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(registry));
    }

    /** Removes the meters this binder registered. */
    public synchronized void unbind() {
        if (registry != null) {
            for (Meter m : meters) {
                registry.remove(m);
            }
        }
        meters.clear();
        registry = null;
    }
}
