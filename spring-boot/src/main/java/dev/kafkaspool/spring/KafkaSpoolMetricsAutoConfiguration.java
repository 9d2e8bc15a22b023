package dev.kafkaspool.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link RunningAppendersMeterBinder} when Micrometer is on the class path: the appenders'
 * meters reach the application's registry whether or not it joins Micrometer's global registry.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class KafkaSpoolMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RunningAppendersMeterBinder kafkaSpoolMeterBinder() {
        return new RunningAppendersMeterBinder();
    }
}
