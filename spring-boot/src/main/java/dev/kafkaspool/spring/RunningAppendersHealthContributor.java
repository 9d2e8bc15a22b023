package dev.kafkaspool.spring;

import java.util.stream.Stream;

import dev.kafkaspool.pipeline.RunningPipelines;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * One {@link AppenderHealthIndicator} per kafka-spool appender running now, named after the
 * appender. The list is read at every health request, so appenders started or stopped by a
 * logging reconfiguration come and go. With no appender running it has no member, and Spring Boot
 * leaves it out of the health response. <b>Thread-safe.</b>
 */
public final class RunningAppendersHealthContributor implements CompositeHealthContributor {

    @Override
    public HealthContributor getContributor(String name) {
        return RunningPipelines.find(name).isPresent() ? new AppenderHealthIndicator(name) : null;
    }

    @Override
    public Stream<Entry> stream() {
        return RunningPipelines.list().stream()
                .map(running -> new Entry(running.name(), new AppenderHealthIndicator(running.name())));
    }
}
