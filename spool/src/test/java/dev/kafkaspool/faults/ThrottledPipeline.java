package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.StatusListener;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.ClientQuotas;
import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Logs event 1, waits until Kafka has acknowledged it, then logs events 2 to {@code events} flat
     * out and waits until every one is shipped or dropped.
     *
     * @return the log calls the pipeline refused
     */
    static int burst(LogPipeline pipeline, int events, Duration bound) {
        assertTrue(pipeline.append(new PipelineEvent("1")));
        Await.until(() -> pipeline.stats().shipped() >= 1, bound, () -> "Kafka answers, " + pipeline.stats());
        int refused = 0;
        for (int n = 2; n <= events; n++) {
            if (!pipeline.append(new PipelineEvent(Integer.toString(n)))) {
                refused++;
            }
        }
        Await.until(() -> pipeline.stats().shipped() + pipeline.stats().droppedTotal() >= events, bound,
                () -> "every event shipped or dropped, stats " + pipeline.stats());
        return refused;
    }

    /** Lifts the quota of the pipeline named {@code name}. */
    static void lift(KafkaBroker broker, String name) {
        ClientQuotas.producerByteRate(broker.bootstrapServers(), clientId(name), null);
    }

    private static String clientId(String name) {
        return "kafka-spool-" + name;
    }
}
