package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.kafkaspool.pod.PodMetadata;
import org.junit.jupiter.api.Test;

/**
 * The {@code fluentd} record against the shape the pipeline it stands in for produces, as the
 * downstream projects publish it (no Fluentd runs here): the container log line Docker's
 * {@code json-file} driver writes and the kubelet's CRI log format parses into ({@code log},
 * {@code stream}, {@code time}), and what fluent-plugin-kubernetes_metadata_filter adds, by its
 * README, its tests' expected records and its code (3.x): a flat {@code kubernetes} object of
 * strings and string maps with its key names, and {@code docker.container_id}. The expectations
 * below are written from those sources, not taken from records this project wrote.
 */
class FluentdShapeTest {
    /** The filter's scalar fields under {@code kubernetes}: all strings. */
    private static final Set<String> FILTER_STRINGS = Set.of("namespace_name", "namespace_id", "pod_name", "pod_id",
            "pod_ip", "container_name", "container_image", "container_image_id", "host", "master_url",
            "orphaned_namespace");
    /** The filter's maps under {@code kubernetes}: string keys to string values. */
    private static final Set<String> FILTER_MAPS = Set.of("labels", "annotations", "namespace_labels",
            "namespace_annotations");
    /** The container id in the file names under /var/log/containers, as the filter's tag pattern captures it. */
    private static final Pattern DOCKER_ID = Pattern.compile("[a-z0-9]{64}");
    /** The time Docker's json-file driver writes and the filter's documented parse reads: %Y-%m-%dT%H:%M:%S.%NZ. */
    private static final Pattern DOCKER_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{1,9}Z");

    @Test
    void aMissingThreadOrLoggerIsJsonNullNotText() {
        TestEvent e = new TestEvent();
        e.thread = null;
        e.logger = null;
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.FLUENTD), e));
        assertTrue(r.containsKey("thread"), r::toString);
        assertNull(r.get("thread"));
        assertTrue(r.containsKey("logger"), r::toString);
        assertNull(r.get("logger"));
        String log = (String) r.get("log");
        assertFalse(log.contains("null"), log);
        assertTrue(log.endsWith("Z INFO - order 42 accepted"), log);
    }

    @Test
    void aFullLineHasThreadAndLogger() {
        Map<String, Object> r = Records.parse(Records.encode(Records.format(Layout.FLUENTD), new TestEvent()));
        assertTrue(((String) r.get("log")).endsWith(
                "Z INFO [http-nio-8080-exec-1] com.example.OrderService - order 42 accepted"), r::toString);
        assertEquals("http-nio-8080-exec-1", r.get("thread"));
    }

    @Test
    void logStreamAndTimeAreAContainerLogLinesFields() {
        TestEvent e = new TestEvent();
        Map<String, Object> r = Records.tree(Records.encode(Records.format(Layout.FLUENTD), e));
        assertInstanceOf(String.class, r.get("log"));
        assertTrue(Set.of("stdout", "stderr").contains(r.get("stream")), r::toString);
        String time = (String) r.get("time");
        assertTrue(DOCKER_TIME.matcher(time).matches(), time);
        assertEquals(Instant.ofEpochSecond(e.epochSecond, e.nanos), Instant.parse(time));
    }

    @Test
    void kubernetesIsFlatWithTheFiltersNamesAndTypes() {
        Map<String, Object> r = Records.tree(Records.encode(Records.format(Layout.FLUENTD), new TestEvent()));
        Map<?, ?> kubernetes = assertInstanceOf(Map.class, r.get("kubernetes"));
        for (Map.Entry<?, ?> field : kubernetes.entrySet()) {
            String name = (String) field.getKey();
            if (FILTER_MAPS.contains(name)) {
                Map<?, ?> map = assertInstanceOf(Map.class, field.getValue());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    assertInstanceOf(String.class, entry.getValue(), name + "." + entry.getKey());
                }
            } else {
                assertTrue(FILTER_STRINGS.contains(name), "a name the filter does not write: " + name);
                assertInstanceOf(String.class, field.getValue(), name);
            }
        }
        assertEquals("payments", kubernetes.get("namespace_name"));
        assertEquals("orders-7d9f8-x2x4q", kubernetes.get("pod_name"));
        assertEquals("8f3c1e2a-1b2c-4d5e-9f00-123456789abc", kubernetes.get("pod_id"));
        assertEquals("10.1.2.3", kubernetes.get("pod_ip"));
        assertEquals("orders", kubernetes.get("container_name"));
        assertEquals("registry.example.com/orders:1.4.2", kubernetes.get("container_image"));
        assertEquals("node-a", kubernetes.get("host"), "the node, under the filter's name for it");
        // The label app.kubernetes.io/name with its dots as _, as the filter's de_dot did by default
        // before 3.0 (3.x writes the key unchanged; docs/records.md says why this layout does not).
        assertEquals(Map.of("app_kubernetes_io/name", "orders"), kubernetes.get("labels"));
    }

    @Test
    void dockerHoldsOnlyTheContainerIdAsTheFiltersTagPatternReadsIt() {
        Map<String, Object> r = Records.tree(Records.encode(Records.format(Layout.FLUENTD), new TestEvent()));
        Map<?, ?> docker = assertInstanceOf(Map.class, r.get("docker"));
        assertEquals(Set.of("container_id"), docker.keySet());
        String id = (String) docker.get("container_id");
        assertTrue(DOCKER_ID.matcher(id).matches(), id);
    }

    /** The filter's lookup_from_k8s_field (on by default) fills in the rest from these four fields. */
    @Test
    void aRecordCarriesTheFieldsTheFilterLooksMetadataUpBy() {
        Map<String, Object> r = Records.tree(Records.encode(Records.format(Layout.FLUENTD), new TestEvent()));
        Map<?, ?> kubernetes = (Map<?, ?>) r.get("kubernetes");
        Map<?, ?> docker = (Map<?, ?>) r.get("docker");
        for (Object value : new Object[] {kubernetes.get("namespace_name"), kubernetes.get("pod_name"),
            kubernetes.get("container_name"), docker.get("container_id")}) {
            assertFalse(((String) assertInstanceOf(String.class, value)).isEmpty(), r::toString);
        }
    }

    /** The filter drops a docker object without a container id; outside a pod there is no kubernetes object. */
    @Test
    void noDockerObjectWithoutAContainerIdAndNoKubernetesObjectOutsideAPod() {
        PodMetadata noContainerId = PodMetadata.builder().podName("orders-7d9f8-x2x4q").namespace("payments")
                .containerName("orders").build();
        Map<String, Object> inPod = Records.tree(Records.encode(
                RecordFormat.create(Records.config(Layout.FLUENTD).build(), noContainerId), new TestEvent()));
        assertFalse(inPod.containsKey("docker"), inPod::toString);
        assertEquals(Map.of("namespace_name", "payments", "pod_name", "orders-7d9f8-x2x4q", "container_name", "orders"),
                inPod.get("kubernetes"));

        Map<String, Object> outside = Records.tree(Records.encode(
                RecordFormat.create(Records.config(Layout.FLUENTD).build(), PodMetadata.empty()), new TestEvent()));
        assertFalse(outside.containsKey("docker"), outside::toString);
        assertFalse(outside.containsKey("kubernetes"), outside::toString);
    }
}
