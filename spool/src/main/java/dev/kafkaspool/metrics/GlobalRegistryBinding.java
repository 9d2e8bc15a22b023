package dev.kafkaspool.metrics;

import dev.kafkaspool.engine.EngineStats;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Metrics;

/** The part of {@link MicrometerRegistration} that names Micrometer's types; loaded only when Micrometer is present. */
final class GlobalRegistryBinding {
    private GlobalRegistryBinding() {
    }

    static AutoCloseable bind(Supplier<EngineStats> stats, String appender, String topic) {
        KafkaSpoolMeterBinder binder = new KafkaSpoolMeterBinder(stats, appender, topic);
        binder.bindTo(Metrics.globalRegistry);
        return binder::unbind;
    }
}
