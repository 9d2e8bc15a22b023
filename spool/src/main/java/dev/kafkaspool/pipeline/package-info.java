/**
 * What an appender runs, framework-free: {@link dev.kafkaspool.pipeline.LogPipeline} takes settings
 * by their documented names ({@link dev.kafkaspool.pipeline.SettingCatalog}), reads the pod
 * metadata and watches the downward API files for label changes, builds the record format, starts
 * the engine, and encodes and hands off each event on the logging thread. The Logback and Log4j 2
 * appenders are adapters over it: a view of their event, their configuration, their status channel.
 */
package dev.kafkaspool.pipeline;
