package dev.kafkaspool.pipeline;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.InvalidConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.kafkaspool.encoding.Records;
import dev.kafkaspool.pod.DownwardApiVolume;
import dev.kafkaspool.pod.PodMetadataSource;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LogPipelineTest {
    private static final Map<String, String> POD_ENV = Map.of(
            "POD_NAME", "orders-7d9f8-x2x4q", "POD_NAMESPACE", "payments", "CONTAINER_NAME", "app");

    private final KafkaBroker broker;
    private final RecordingStatus status = new RecordingStatus();

    @TempDir
    Path dir;

    LogPipelineTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private PodMetadataSource pod(Path podInfo) {
        return PodMetadataSource.builder().podInfoDir(podInfo).environment(POD_ENV::get)
                .namespaceFile(dir.resolve("no-service-account")).hostName(() -> "host").build();
    }

    @Test
    void recordsCarryThePodMetadataAndPickUpLabelChangesWithoutARestart() {
        broker.createTopic("logs.payments", 1);
        Path podInfo = dir.resolve("podinfo");
        DownwardApiVolume volume = new DownwardApiVolume(podInfo);
        volume.publish(Map.of("labels", "app=\"orders\"\nversion=\"1\"", "annotations", "owner=\"team-a\""));

        LogPipeline pipeline = LogPipeline.builder().status(status)
                .set("name", "pod-test")
                .set("bootstrapServers", broker.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("topic", "logs.${kubernetes.namespace}")
                .podSource(pod(podInfo))
                .start();
        try {
            for (int i = 1; i <= 10; i++) {
                assertTrue(pipeline.append(new PipelineEvent("before " + i)));
            }
            volume.publish(Map.of("labels", "app=\"orders\"\nversion=\"2\"", "annotations", "owner=\"team-a\""));
            assertTrue(pipeline.reloadPodMetadata(), "the label change is seen");
            assertFalse(pipeline.reloadPodMetadata(), "and seen once");
            for (int i = 1; i <= 10; i++) {
                assertTrue(pipeline.append(new PipelineEvent("after " + i)));
            }

            List<ConsumerRecord<byte[], byte[]>> records = broker.consume("logs.payments", 20, Duration.ofSeconds(60));
            assertEquals(20, records.size());
            List<String> versions = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                Map<String, Object> fields = Records.parse(new String(r.value(), StandardCharsets.UTF_8));
                assertEquals("orders-7d9f8-x2x4q", fields.get("kubernetes/pod/name"));
                assertEquals("payments", fields.get("kubernetes/namespace"));
                assertEquals("team-a", fields.get("kubernetes/annotations/owner"));
                versions.add(fields.get("message") + ":" + fields.get("kubernetes/labels/version"));
                assertEquals("payments", new String(r.headers().lastHeader("k8s.namespace.name").value(),
                        StandardCharsets.UTF_8));
            }
            assertEquals("before 1:1", versions.get(0));
            assertEquals("before 10:1", versions.get(9));
            assertEquals("after 1:2", versions.get(10));
            assertEquals("after 10:2", versions.get(19));
            assertTrue(status.messages().stream().anyMatch(m -> m.contains("labels or annotations changed")),
                    status.messages().toString());
        } finally {
            assertTrue(pipeline.stop(Duration.ofSeconds(10)));
        }
    }

    @Test
    void theProducerAsksForTheConfiguredTopicsAsSoonAsItIsMade() {
        broker.createTopic("early.payments", 1);
        broker.createTopic("early-errors.payments", 1);
        List<String> asked = new CopyOnWriteArrayList<>();
        LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "metadata")
                .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", dir.resolve("spool").toString())
                .set("topic", "early.${kubernetes.namespace}").set("errorTopic", "early-errors.${kubernetes.namespace}")
                .podSource(pod(dir.resolve("no-podinfo")))
                .producerFactory(properties -> new KafkaProducer<byte[], byte[]>(properties) {
                    @Override
                    public List<PartitionInfo> partitionsFor(String topic) {
                        asked.add(topic);
                        return super.partitionsFor(topic);
                    }
                })
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (asked.size() < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            assertEquals(List.of("early.payments", "early-errors.payments"), asked.subList(0, Math.min(2, asked.size())),
                    "before any event is sent, the new producer asks for the resolved topics' metadata");

            assertTrue(pipeline.append(new PipelineEvent("an info")));
            assertTrue(pipeline.append(new PipelineEvent("an error").level(LogLevel.ERROR)));
            assertEquals("an info", Records.parse(new String(broker.consume("early.payments", 1, Duration.ofSeconds(60))
                    .get(0).value(), StandardCharsets.UTF_8)).get("message"));
            assertEquals("an error", Records.parse(new String(broker.consume("early-errors.payments", 1,
                    Duration.ofSeconds(60)).get(0).value(), StandardCharsets.UTF_8)).get("message"));
        } finally {
            assertTrue(pipeline.stop(Duration.ofSeconds(10)));
        }
    }

    @Test
    void anEventLoggedWhileAnEventIsEncodedIsNotAppendedAgain() {
        broker.createTopic("reentry", 1);
        LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "reentry")
                .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", dir.resolve("spool").toString())
                .set("topic", "reentry").podSource(pod(dir.resolve("no-podinfo"))).start();
        try {
            assertEquals(0, pipeline.stats().accepted(), "the warm-up event encoded at start is not handed on");
            boolean[] inner = {true};
            PipelineEvent outer = new PipelineEvent("outer");
            outer.duringFormat = () -> inner[0] = pipeline.append(new PipelineEvent("inner"));
            assertTrue(pipeline.append(outer));
            assertFalse(inner[0], "the nested append is refused");
            assertTrue(pipeline.append(new PipelineEvent("next")), "the thread appends again afterwards");
            byte[] own = "{\"message\":\"own encoder\"}".getBytes(StandardCharsets.UTF_8);
            assertTrue(pipeline.appendEncoded(new PipelineEvent("ignored"), own, own.length));

            List<ConsumerRecord<byte[], byte[]>> records = broker.consume("reentry", 3, Duration.ofSeconds(60));
            assertEquals(List.of("outer", "next", "own encoder"), records.stream()
                    .map(r -> Records.parse(new String(r.value(), StandardCharsets.UTF_8)).get("message")).toList());
            assertEquals(3, pipeline.stats().accepted());
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void badSettingsAreReportedByNameAndTheDefaultsUsed() {
        Path podInfo = dir.resolve("podinfo");
        new DownwardApiVolume(podInfo).publish(Map.of("labels", "app=\"orders\""));
        LogPipeline pipeline = LogPipeline.builder().status(status)
                .set("name", "bad-settings")
                .set("bootstrapServers", broker.bootstrapServers())
                .set("spoolDir", dir.resolve("spool").toString())
                .set("maxBytes", "lots")
                .set("colour", "blue")
                .set("topic", "bad topic name!")
                .producerProperty("max.block.ms", "60000")
                .podSource(pod(podInfo))
                .start();
        Thread watcher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kafka-spool-bad-settings-pod-metadata")).findFirst().orElseThrow();
        try {
            assertEquals(List.of(), status.messages().stream().filter(m -> m.startsWith("ERROR")).toList(),
                    "what the pipeline survives is a warning");
            List<String> errors = status.messages().stream().filter(m -> m.startsWith("WARN")).toList();
            assertTrue(errors.stream().anyMatch(m -> m.contains("'maxBytes' = 'lots' is not valid")
                    && m.endsWith("the default (256MiB) is used instead")), errors.toString());
            assertTrue(errors.stream().anyMatch(m -> m.contains("unknown setting 'colour' is ignored")), errors.toString());
            assertTrue(errors.stream().anyMatch(m -> m.contains("'max.block.ms'") && m.contains("kafka-spool's value is used")), errors.toString());
            assertEquals(EngineSettings.MAX_BYTES.defaultValue(), pipeline.config().maxBytes());
            assertTrue(pipeline.append(new PipelineEvent("still logging")), "the pipeline runs on");
            assertTrue(status.messages().stream().anyMatch(m -> m.contains("bad topic name!")), status.messages()
                    .toString());
            assertTrue(pipeline.isOwnThread(watcher), "the pod watcher's logs are not appended");
            assertFalse(pipeline.isOwnThread(Thread.currentThread()));
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertTrue(waitForEnd(watcher), "the watcher thread ends with the pipeline");
    }

    @Test
    void withoutBootstrapServersThereIsNothingToStart() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> LogPipeline.builder().status(status).set("spoolDir", dir.toString()).start());
        assertTrue(e.getMessage().contains("'bootstrapServers' is required"), e.getMessage());
    }

    private static boolean waitForEnd(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
