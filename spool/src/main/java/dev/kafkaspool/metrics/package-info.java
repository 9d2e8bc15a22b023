/**
 * What operators see: each pipeline's counters, gauges and health as a JMX MXBean
 * ({@link dev.kafkaspool.metrics.KafkaSpoolMXBean}) and, when Micrometer is on the class path, as
 * meters in its global registry ({@link dev.kafkaspool.metrics.KafkaSpoolMeterBinder}).
 */
package dev.kafkaspool.metrics;
