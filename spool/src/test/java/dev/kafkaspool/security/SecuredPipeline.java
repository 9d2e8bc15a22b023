package dev.kafkaspool.security;

import java.nio.file.Path;
import java.util.Map;

import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;

/** Starts a pipeline the way a user's configuration would, with the producer properties of a secured connection. */
final class SecuredPipeline {

    private SecuredPipeline() {
    }

    static LogPipeline start(String name, String bootstrapServers, Map<String, String> producerProperties,
            Path spoolDir, String topic, RecordingStatus status) {
        return start(name, bootstrapServers, producerProperties, spoolDir, topic, Map.of(), status);
    }

    /** As above, with more of the pipeline's settings (e.g. {@code errorTopic}). */
    static LogPipeline start(String name, String bootstrapServers, Map<String, String> producerProperties,
            Path spoolDir, String topic, Map<String, String> settings, RecordingStatus status) {
        PipelineBuilder builder = LogPipeline.builder().status(status)
                .set("name", name)
                .set("bootstrapServers", bootstrapServers)
                .set("spoolDir", spoolDir.toString())
                .set("topic", topic);
        settings.forEach(builder::set);
        producerProperties.forEach(builder::producerProperty);
        return builder.start();
    }
}
