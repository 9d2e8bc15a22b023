package dev.kafkaspool.samples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.kafkaspool.testbroker.KafkaBroker;

/**
 * The pods of a Flink deployment in one namespace, as the sample's {@code log4j-console.properties}
 * sees them: the environment variables the downward API sets, a podinfo directory with the
 * deployment's labels and annotations, the broker's address, and a spool directory of each pod's
 * own. Records go to the topic {@code logs.<namespace>}, which this creates.
 */
final class FlinkPods {
    static final String SERVICE = "order-check";
    static final String NODE = "node-a";
    static final String CONTAINER = "flink-main-container";

    private final KafkaBroker broker;
    private final String namespace;
    private final Path dir;
    private final Path podInfo;

    private FlinkPods(KafkaBroker broker, String namespace, Path dir, Path podInfo) {
        this.broker = broker;
        this.namespace = namespace;
        this.dir = dir;
        this.podInfo = podInfo;
    }

    static FlinkPods create(KafkaBroker broker, String namespace, Path dir) throws IOException {
        broker.createTopic("logs." + namespace, 3);
        Path podInfo = Files.createDirectories(dir.resolve("podinfo"));
        Files.writeString(podInfo.resolve("labels"), "app=\"" + SERVICE + "\"\ntype=\"flink-native-kubernetes\"\n");
        Files.writeString(podInfo.resolve("annotations"), "team=\"" + namespace + "\"\n");
        return new FlinkPods(broker, namespace, dir, podInfo);
    }

    String topic() {
        return "logs." + namespace;
    }

    /** The environment of the container of pod {@code podName}. */
    Map<String, String> env(String podName) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("KAFKA_SPOOL_DIR", dir.resolve("spool-" + podName).toString());
        env.put("PODINFO_DIR", podInfo.toString());
        env.put("FLINK_SERVICE_NAME", SERVICE);
        env.put("POD_NAME", podName);
        env.put("POD_NAMESPACE", namespace);
        env.put("NODE_NAME", NODE);
        env.put("CONTAINER_NAME", CONTAINER);
        return env;
    }

    /** Checks that {@code record} says it came from pod {@code podName} of this deployment. */
    void assertFromPod(String podName, Map<String, String> record) {
        assertEquals(podName, record.get("kubernetes.pod.name"), record::toString);
        assertEquals(namespace, record.get("kubernetes.namespace"), record::toString);
        assertEquals(NODE, record.get("kubernetes.node.name"), record::toString);
        assertEquals(CONTAINER, record.get("kubernetes.container.name"), record::toString);
        assertEquals(SERVICE, record.get("kubernetes.labels.app"), record::toString);
        assertEquals(namespace, record.get("kubernetes.annotations.team"), record::toString);
        assertEquals(SERVICE, record.get("service.name"), record::toString);
    }
}
