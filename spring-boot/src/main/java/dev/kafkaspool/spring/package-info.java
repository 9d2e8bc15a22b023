/**
 * Spring Boot auto-configuration for kafka-spool: the health contributor {@code kafkaSpool}, one
 * indicator per running appender ({@link dev.kafkaspool.spring.AppenderHealthIndicator}), and the
 * appenders' meters in the application's {@code MeterRegistry} when they do not reach it through
 * Micrometer's global registry already ({@link dev.kafkaspool.spring.RunningAppendersMeterBinder}).
 * Each part is used only when Spring Boot's health support or Micrometer is on the class path.
 */
package dev.kafkaspool.spring;
