package dev.kafkaspool.samples.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * What {@code samples/kubernetes/deployment.yaml} gives its container, read from the file itself:
 * the environment (literal values as written, downward-API fields as the kubelet would fill them),
 * where the spool volume is mounted, and the pod's security context.
 */
final class PodSpec {
    private final Map<String, Object> podSpec;
    private final Map<String, Object> container;

    private PodSpec(Map<String, Object> podSpec) {
        this.podSpec = podSpec;
        this.container = list(podSpec, "containers").get(0);
    }

    static PodSpec deployment() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("kubernetes", "deployment.yaml"))) {
            Map<String, Object> deployment = new Yaml().load(in);
            return new PodSpec(map(map(map(deployment, "spec"), "template"), "spec"));
        }
    }

    /** The container's environment, with the downward API's fields filled in for this pod. */
    Map<String, String> env(String podName, String namespace) {
        Map<String, String> fields = Map.of("metadata.name", podName, "metadata.namespace", namespace,
                "metadata.uid", "3f7c1a2e-0000-4000-8000-" + String.format("%012d", podName.hashCode() & 0xffffff),
                "status.podIP", "10.1.2.3", "spec.nodeName", "node-1", "spec.serviceAccountName", "orders");
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> var : list(container, "env")) {
            String name = (String) var.get("name");
            if (var.containsKey("value")) {
                env.put(name, var.get("value").toString().trim());
            } else {
                String field = (String) map(map(var, "valueFrom"), "fieldRef").get("fieldPath");
                env.put(name, fields.get(field));
            }
        }
        return env;
    }

    /** Where the volume named {@code spool} is mounted in the container. */
    String spoolMountPath() {
        for (Map<String, Object> mount : list(container, "volumeMounts")) {
            if ("spool".equals(mount.get("name"))) {
                return (String) mount.get("mountPath");
            }
        }
        throw new AssertionError("no spool volume mount in " + container);
    }

    /** A field of the pod's {@code securityContext}, e.g. {@code runAsUser}, {@code fsGroup}. */
    long podSecurity(String field) {
        return ((Number) map(podSpec, "securityContext").get(field)).longValue();
    }

    /** A field of the container's {@code securityContext}, e.g. {@code readOnlyRootFilesystem}. */
    Object containerSecurity(String field) {
        return map(container, "securityContext").get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("no " + key + " in " + parent.keySet());
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
