package dev.kafkaspool.encoding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.kafkaspool.pod.PodMetadata;

/**
 * The OTLP resource of every record of a format: the service, host and pod by OpenTelemetry's
 * semantic conventions, then the pod's labels and annotations and the extra fields. Made once per
 * {@link RecordFormat}, written by both OTLP layouts.
 */
final class OtlpResource {
    /** The attribute names this layout sets itself; extra fields may not take them. */
    static final Set<String> NAMES = Set.of("service.name", "service.version", "deployment.environment.name",
            "host.name", "k8s.pod.name", "k8s.pod.uid", "k8s.pod.ip", "k8s.namespace.name", "k8s.node.name",
            "k8s.container.name");

    private OtlpResource() {
    }

    /** The resource attributes, in the order written; only the known ones. */
    static Map<String, String> attributes(RecordFormat f) {
        Map<String, String> a = new LinkedHashMap<>();
        PodMetadata p = f.pod;
        put(a, "service.name", f.serviceName);
        put(a, "service.version", f.serviceVersion);
        put(a, "deployment.environment.name", f.serviceEnvironment);
        // A container's host name is its pod's name.
        put(a, "host.name", p.podName());
        put(a, "k8s.pod.name", p.podName());
        put(a, "k8s.pod.uid", p.podUid());
        put(a, "k8s.pod.ip", p.podIp());
        put(a, "k8s.namespace.name", p.namespace());
        put(a, "k8s.node.name", p.nodeName());
        put(a, "k8s.container.name", p.containerName());
        for (Map.Entry<String, String> l : p.labels().entrySet()) {
            put(a, "k8s.pod.label." + l.getKey(), l.getValue());
        }
        for (Map.Entry<String, String> n : p.annotations().entrySet()) {
            put(a, "k8s.pod.annotation." + n.getKey(), n.getValue());
        }
        for (Map.Entry<String, String> x : f.extraFields.entrySet()) {
            put(a, x.getKey(), x.getValue());
        }
        return a;
    }

    private static void put(Map<String, String> a, String key, String value) {
        if (value != null && !value.isEmpty()) {
            a.putIfAbsent(key, value);
        }
    }
}
