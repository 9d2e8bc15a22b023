package dev.kafkaspool.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Adds the health contributor {@code kafkaSpool} when Spring Boot's health support is on the class
 * path; {@code management.health.kafkaspool.enabled=false} leaves it out.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnEnabledHealthIndicator("kafkaspool")
public class KafkaSpoolHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaSpoolHealthContributor")
    public RunningAppendersHealthContributor kafkaSpoolHealthContributor() {
        return new RunningAppendersHealthContributor();
    }
}
