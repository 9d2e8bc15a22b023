package dev.kafkaspool.faults;

import dev.kafkaspool.engine.EngineStats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic that does not exist on a broker that does not create topics: the events wait in the
 * spool (none dropped), a warning gives Kafka's answer (the topic does not exist), and once the
 * topic exists they all arrive.
 */
@Tag("broker")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MissingTopicTest {
    @TempDir
    Path dir;

    @Test
    void eventsForAMissingTopicWaitInTheSpoolUntilItExists() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), Map.of("auto.create.topics.enable", "false"))) {
            RecordingStatus status = new RecordingStatus();
            LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "missing-topic")
                    .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", dir.resolve("spool").toString())
                    .set("topic", "not-yet").set("stallTimeout", "3s").set("podInfoDir", dir.resolve("none").toString())
                    .start();
            try {
                for (int i = 1; i <= 50; i++) {
                    assertTrue(pipeline.append(new PipelineEvent("waiting " + i)));
                }
                // The producer only says the topic is missing from its metadata; the engine asks Kafka why.
                String diagnosis = "Kafka says topic not-yet does not exist";
                Await.until(() -> status.warnings().stream().anyMatch(m -> m.contains(diagnosis)),
                        Duration.ofSeconds(90), () -> "a warning gives Kafka's answer: " + status.messages());
                EngineStats held = pipeline.stats();
                assertEquals(0, held.shipped(), held.toString());
                assertEquals(0, held.droppedTotal(), held.toString());

                broker.createTopic("not-yet", 1);
                List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume("not-yet", 50, Duration.ofSeconds(90));
                assertEquals(50, arrived.size());
                assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
            } finally {
                pipeline.stop(Duration.ofSeconds(10));
            }
        }
    }
}
