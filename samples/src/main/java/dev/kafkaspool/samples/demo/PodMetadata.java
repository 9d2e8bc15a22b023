package dev.kafkaspool.samples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What Kubernetes would give a service's pod through the downward API: environment variables
 * ({@code POD_NAME}, {@code POD_NAMESPACE}, ...) and a directory with the files {@code labels} and
 * {@code annotations} in the {@code key="value"} format it writes.
 */
final class PodMetadata {

    /** The namespace of both services; their topic is {@code logs.<namespace>}. */
    static final String NAMESPACE = "shop";

    private final Map<String, String> environment;
    private final Path podInfoDir;

    private PodMetadata(Map<String, String> environment, Path podInfoDir) {
        this.environment = environment;
        this.podInfoDir = podInfoDir;
    }

    /** Writes the service's downward-API files into {@code podInfoDir} (created). */
    static PodMetadata create(DemoService service, int podNumber, Path podInfoDir) {
        String name = service.serviceName();
        String templateHash = Integer.toHexString((name.hashCode() & 0xfffff) | 0x100000).substring(1) + "c9";
        String podName = name + "-" + templateHash + "-" + Integer.toString(podNumber * 46_663 + 12_345, 36);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POD_NAME", podName);
        env.put("POD_NAMESPACE", NAMESPACE);
        env.put("NODE_NAME", "node-" + (char) ('a' + podNumber));
        env.put("CONTAINER_NAME", name);
        env.put("POD_UID", UUID.nameUUIDFromBytes(podName.getBytes(StandardCharsets.UTF_8)).toString());
        env.put("POD_IP", "10.1." + podNumber + "." + (17 + podNumber));
        write(podInfoDir.resolve("labels"),
                "app=\"" + name + "\"\n"
                + "app.kubernetes.io/part-of=\"" + NAMESPACE + "\"\n"
                + "pod-template-hash=\"" + templateHash + "\"\n");
        write(podInfoDir.resolve("annotations"),
                "kubernetes.io/config.source=\"api\"\n"
                + "team=\"" + (podNumber == 0 ? "checkout" : "billing") + "\"\n");
        return new PodMetadata(env, podInfoDir);
    }

    /** The downward-API environment variables to set on the service's process. */
    Map<String, String> environment() {
        return environment;
    }

    /** The directory holding {@code labels} and {@code annotations}: the {@code podInfoDir} setting. */
    Path podInfoDir() {
        return podInfoDir;
    }

    String podName() {
        return environment.get("POD_NAME");
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
