/**
 * The engine's settings, each defined once ({@link dev.kafkaspool.config.EngineSettings}: name,
 * value type, default, documentation, validation), the values they parse, the Kafka producer
 * properties the engine runs with and the ones it corrects, and the masking of secrets in
 * everything the engine reports.
 */
package dev.kafkaspool.config;
