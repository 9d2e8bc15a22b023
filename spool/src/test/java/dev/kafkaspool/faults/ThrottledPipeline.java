package dev.kafkaspool.faults;

import dev.kafkaspool.engine.StatusListener;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;
import dev.kafkaspool.testbroker.ClientQuotas;
import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pipeline whose client the broker throttles with a produce quota ({@code producer_byte_rate}):
 * its records uncompressed, in 16 KiB batches, so that the quota counts about what the
 * application logs and each throttle pause stays short.
 */
final class ThrottledPipeline {
    private ThrottledPipeline() {
    }

    /** Sets the quota for the pipeline named {@code name}, then starts it with {@code settings} besides. */
    static LogPipeline start(KafkaBroker broker, Path dir, String name, String topic, double bytesPerSecond,
                             StatusListener status, Map<String, String> settings) {
        return start(broker, dir, name, topic, bytesPerSecond, status, settings, Map.of());
    }

    /** As {@link #start(KafkaBroker, Path, String, String, double, StatusListener, Map)}, with producer properties besides. */
    static LogPipeline start(KafkaBroker broker, Path dir, String name, String topic, double bytesPerSecond,
                             StatusListener status, Map<String, String> settings, Map<String, String> producer) {
        ClientQuotas.producerByteRate(broker.bootstrapServers(), clientId(name), bytesPerSecond);
        PipelineBuilder builder = LogPipeline.builder().status(status)
                .set("name", name)
                .set("bootstrapServers", broker.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("topic", topic)
                .set("podInfoDir", dir.resolve("none").toString())
                .producerProperty("compression.type", "none")
                .producerProperty("batch.size", "16384");
        settings.forEach(builder::set);
        producer.forEach(builder::producerProperty);
        return builder.start();
    }

    /** Lifts the quota of the pipeline named {@code name}. */
    static void lift(KafkaBroker broker, String name) {
        ClientQuotas.producerByteRate(broker.bootstrapServers(), clientId(name), null);
    }

    private static String clientId(String name) {
        return "kafka-spool-" + name;
    }
}
