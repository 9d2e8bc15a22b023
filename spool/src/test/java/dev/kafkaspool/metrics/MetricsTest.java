package dev.kafkaspool.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** JMX and Micrometer read during a real outage agree with what arrives in Kafka. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(90);

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private final KafkaBroker broker;
    private final RecordingStatus status = new RecordingStatus();

    @TempDir
    Path dir;

    MetricsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void theMBeanAndTheMetersFollowAnOutageAndAgreeWithWhatArrived() throws Exception {
        broker.createTopic("metrics", 1);
        MeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        ObjectName name = JmxRegistration.objectName("metrics-test");
        LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "metrics-test")
                .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", dir.resolve("spool").toString())
                .set("topic", "metrics").set("podInfoDir", dir.resolve("none").toString()).start();
        try {
            for (int i = 0; i < 100; i++) {
                pipeline.append(new PipelineEvent("before " + i));
            }
            Await.until(() -> attribute(name, "Shipped").equals(100L), BOUND, () -> "100 shipped: " + pipeline.stats());
            assertEquals("shipping", attribute(name, "Health"));

            broker.stop();
            for (int i = 0; i < 200; i++) {
                pipeline.append(new PipelineEvent("during " + i));
            }
            Await.until(() -> "spooling".equals(attribute(name, "State")) && ((Long) attribute(name, "SpoolEvents")) > 0,
                    BOUND, () -> "spooling: " + pipeline.stats());
            assertEquals(300L, attribute(name, "Accepted"));
            assertTrue((Long) attribute(name, "Spooled") > 0);
            assertTrue((Long) attribute(name, "SpoolBytes") > 0);
            assertEquals(300.0, meter(registry, "kafka.spool.events.accepted"));
            assertEquals(1.0, registry.get("kafka.spool.state").tag("appender", "metrics-test").tag("state", "spooling")
                    .gauge().value());
            assertTrue(registry.get("kafka.spool.spool.events").tag("appender", "metrics-test").gauge().value() > 0);

            broker.restart();
            Await.until(() -> attribute(name, "Shipped").equals(300L) && attribute(name, "SpoolEvents").equals(0L),
                    BOUND, () -> "all shipped: " + pipeline.stats());
            List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume("metrics", 300, Duration.ofSeconds(60));
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : arrived) {
                ids.add(new String(r.headers().lastHeader("event.id").value(), StandardCharsets.UTF_8));
            }
            assertEquals(300, ids.size(), "every accepted event arrived");
            assertEquals(0L, attribute(name, "Dropped"));
            assertEquals("", attribute(name, "Problem"));
            assertTrue((Long) attribute(name, "Drained") > 0, "some arrived from the spool");
            assertTrue((Long) attribute(name, "SpoolSyncs") > 0, "what was spooled was synced: " + pipeline.stats());
            assertTrue(meter(registry, "kafka.spool.spool.syncs") > 0);
            assertEquals(300.0, meter(registry, "kafka.spool.events.shipped"));
            assertEquals(300L, registry.get("kafka.spool.send.latency").tag("appender", "metrics-test")
                    .tag("topic", "metrics").functionTimer().count());
            assertTrue((Double) attribute(name, "SendLatencyMeanMillis") > 0);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
            Metrics.removeRegistry(registry);
        }
        assertFalse(JMX.isRegistered(name), "the MBean goes with the pipeline");
        assertNull(registry.find("kafka.spool.events.accepted").tag("appender", "metrics-test").functionCounter(),
                "so do the meters");
    }

    @Test
    void aMemorySpoolMakesTheAppenderDegradedWithItsCause() throws Exception {
        Path notADirectory = dir.resolve("file");
        java.nio.file.Files.writeString(notADirectory, "x");
        ObjectName name = JmxRegistration.objectName("degraded-test");
        LogPipeline pipeline = LogPipeline.builder().status(status).set("name", "degraded-test")
                .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", notADirectory.toString())
                .set("podInfoDir", dir.resolve("none").toString()).start();
        try {
            String health = (String) attribute(name, "Health");
            assertTrue(health.startsWith("degraded: "), health);
            assertTrue(health.contains("lost if the process stops"), health);
            assertEquals(false, attribute(name, "DiskSpool"));
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
    }

    private static double meter(MeterRegistry registry, String name) {
        return registry.get(name).tag("appender", "metrics-test").functionCounter().count();
    }

    private static Object attribute(ObjectName name, String attribute) {
        try {
            return JMX.getAttribute(name, attribute);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + attribute + " of " + name, e);
        }
    }
}
