package dev.kafkaspool.spring;

import java.util.ArrayList;
import java.util.List;

import dev.kafkaspool.metrics.KafkaSpoolMeterBinder;
import dev.kafkaspool.pipeline.RunningPipelines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.DisposableBean;

/**
 * Binds the meters of every kafka-spool appender running now to a registry, unless that registry
 * already gets them: every appender binds its meters to Micrometer's global registry when it
 * starts, and Spring Boot adds its registry to the global one (before it applies binders) unless
 * {@code management.metrics.use-global-registry=false}. Binding them a second time would give each
 * meter two owners, and the first to unbind would remove it for both. Appenders started after the
 * binding are reached through the global registry only. <b>Thread-safe.</b>
 */
public final class RunningAppendersMeterBinder implements MeterBinder, DisposableBean {
    private final List<KafkaSpoolMeterBinder> bound = new ArrayList<>();

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (reachedThroughGlobalRegistry(registry)) {
            return;
        }
        for (RunningPipelines.View running : RunningPipelines.list()) {
            KafkaSpoolMeterBinder binder = new KafkaSpoolMeterBinder(running::stats, running.name(), running.topic());
            binder.bindTo(registry);
            bound.add(binder);
        }
    }

    /** Removes the meters this binder added, when the application context closes. */
    @Override
    public synchronized void destroy() {
        bound.forEach(KafkaSpoolMeterBinder::unbind);
        bound.clear();
    }

    /** True when {@code registry} is the global registry or one of its members, at any depth. */
    static boolean reachedThroughGlobalRegistry(MeterRegistry registry) {
        return registry == Metrics.globalRegistry || isMember(Metrics.globalRegistry, registry);
    }

    private static boolean isMember(CompositeMeterRegistry composite, MeterRegistry registry) {
        for (MeterRegistry member : composite.getRegistries()) {
            if (member == registry || (member instanceof CompositeMeterRegistry
                    && isMember((CompositeMeterRegistry) member, registry))) {
                return true;
            }
        }
        return false;
    }
}
