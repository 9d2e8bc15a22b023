/**
 * The Logback appender: {@link dev.kafkaspool.logback.KafkaSpoolAppender} maps {@code logback.xml}
 * onto a {@link dev.kafkaspool.pipeline.LogPipeline} and hands it each event through a view over
 * Logback's event ({@code LogbackEventView}); the engine's status messages become Logback status
 * messages ({@code LogbackStatus}). Everything else (encoding, spooling, shipping, pod metadata)
 * is the engine's.
 */
package dev.kafkaspool.logback;
