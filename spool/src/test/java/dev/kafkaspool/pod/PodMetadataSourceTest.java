package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.kafkaspool.engine.RecordingStatus;

class PodMetadataSourceTest {
    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();
    private final Map<String, String> env = new HashMap<>();

    @Test
    void readsEachFieldFromItsDefaultEnvironmentVariable() {
        env.putAll(Map.of("POD_NAME", "payments-7d9f8c6b5-x2x4q", "POD_NAMESPACE", "shop",
                "POD_UID", "0b1e6c2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d", "POD_IP", "10.1.2.3", "NODE_NAME", "node-a",
                "CONTAINER_NAME", "app", "SERVICE_ACCOUNT", "payments-sa", "HOSTNAME", "not-used"));
        PodMetadata m = source().build().read(status);
        assertEquals("payments-7d9f8c6b5-x2x4q", m.podName());
        assertEquals("shop", m.namespace());
        assertEquals("0b1e6c2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d", m.podUid());
        assertEquals("10.1.2.3", m.podIp());
        assertEquals("node-a", m.nodeName());
        assertEquals("app", m.containerName());
        assertEquals("payments-sa", m.serviceAccount());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void eachEnvironmentVariableNameCanBeChanged() {
        env.putAll(Map.of("POD_NAME", "d1", "POD_NAMESPACE", "d2", "POD_UID", "d3", "POD_IP", "d4",
                "NODE_NAME", "d5", "CONTAINER_NAME", "d6", "SERVICE_ACCOUNT", "d7"));
        env.putAll(Map.of("MY_POD", "pod", "MY_NS", "ns", "MY_UID", "uid", "MY_IP", "ip", "MY_NODE", "node",
                "MY_CONTAINER", "container", "MY_SA", "sa"));
        PodMetadata m = source().podNameEnv("MY_POD").namespaceEnv("MY_NS").podUidEnv("MY_UID").podIpEnv("MY_IP")
                .nodeNameEnv("MY_NODE").containerNameEnv("MY_CONTAINER").serviceAccountEnv("MY_SA").build()
                .read(status);
        assertEquals(List.of("pod", "ns", "uid", "ip", "node", "container", "sa"), List.of(m.podName(),
                m.namespace(), m.podUid(), m.podIp(), m.nodeName(), m.containerName(), m.serviceAccount()));
    }

    @Test
    void theContainerImageComesFromTheVariableThePodSpecSetsAndTheIdFromProc() throws Exception {
        env.put("CONTAINER_IMAGE", "registry.example.com/orders:1.4.2");
        env.put("IMAGE", "registry.example.com/orders:1.5.0");
        Path cgroup = Path.of(getClass().getResource("/proc/cgroup-v1-containerd").toURI());
        Path mountinfo = Path.of(getClass().getResource("/proc/mountinfo-containerd").toURI());
        PodMetadata m = source().procFiles(cgroup, mountinfo).build().read(status);
        assertEquals("registry.example.com/orders:1.4.2", m.containerImage());
        assertEquals("3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8", m.containerId());
        assertEquals("registry.example.com/orders:1.5.0",
                source().containerImageEnv("IMAGE").build().read(status).containerImage());
        assertNull(source().procFiles(dir.resolve("none"), dir.resolve("none")).build().read(status).containerId());
    }

    @Test
    void theNamespaceFallsBackToTheServiceAccountFile() throws Exception {
        Path namespaceFile = dir.resolve("serviceaccount").resolve("namespace");
        Files.createDirectories(namespaceFile.getParent());
        Files.writeString(namespaceFile, "checkout\n");
        assertEquals("checkout", source().namespaceFile(namespaceFile).build().read(status).namespace());

        env.put("POD_NAMESPACE", "from-env");
        assertEquals("from-env", source().namespaceFile(namespaceFile).build().read(status).namespace(),
                "the variable comes first");
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void anUnreadableNamespaceFileIsReportedAndLeftOut() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("namespace"));
        assertNull(source().namespaceFile(notAFile).build().read(status).namespace());
        assertEquals(1, status.warnings().size());
        assertTrue(status.warnings().get(0).contains("set POD_NAMESPACE instead"), status.warnings()::toString);
    }

    @Test
    void thePodNameFallsBackToHostnameThenToTheHostName() {
        AtomicInteger lookups = new AtomicInteger();
        PodMetadataSource source = source().hostName(() -> {
            lookups.incrementAndGet();
            return "machine";
        }).build();
        env.put("HOSTNAME", "payments-7d9f8c6b5-x2x4q");
        assertEquals("payments-7d9f8c6b5-x2x4q", source.read(status).podName());
        assertEquals(0, lookups.get(), "no host name lookup while HOSTNAME is set");

        env.remove("HOSTNAME");
        assertEquals("machine", source.read(status).podName());
        assertEquals(1, lookups.get());
    }

    @Test
    void aFailingHostNameLookupLeavesThePodNameOut() {
        PodMetadataSource source = source().hostName(() -> {
            throw new IllegalStateException("no name service");
        }).build();
        assertNull(source.read(status).podName());
        assertNull(source().hostName(() -> "  ").build().read(status).podName());
    }

    @Test
    void blankVariablesCountAsUnsetAndValuesAreTrimmed() {
        env.putAll(Map.of("POD_NAME", " ", "HOSTNAME", "host", "NODE_NAME", "", "POD_IP", " 10.0.0.1 "));
        PodMetadata m = source().build().read(status);
        assertEquals("host", m.podName());
        assertNull(m.nodeName());
        assertEquals("10.0.0.1", m.podIp());
    }

    @Test
    void aFailingEnvironmentLookupCountsAsUnset() {
        PodMetadata m = source().environment(name -> {
            throw new SecurityException("no access to " + name);
        }).build().read(status);
        assertTrue(m.isEmpty(), m::toString);
    }

    @Test
    void readsLabelsAndAnnotationsFromThePodInfoDirectory() {
        new DownwardApiVolume(dir.resolve("podinfo")).publish(Map.of(
                "labels", "app=\"payments\"\napp.kubernetes.io/part-of=\"shop\"",
                "annotations", "note=\"line one\\nline \\\"two\\\"\"\nprometheus.io/port=\"8080\""));
        PodMetadata m = source().build().read(status);
        assertEquals(Map.of("app", "payments", "app.kubernetes.io/part-of", "shop"), m.labels());
        assertEquals(Map.of("note", "line one\nline \"two\"", "prometheus.io/port", "8080"), m.annotations());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void outsideKubernetesEverythingIsAbsentAndNothingIsReported() throws Exception {
        PodMetadata m = source().build().read(status);
        assertTrue(m.isEmpty(), m::toString);
        assertEquals(Map.of(), m.labels());
        assertEquals(Map.of(), m.annotations());

        Files.createDirectory(dir.resolve("podinfo"));
        assertTrue(source().build().read(status).isEmpty(), "a directory without files is no error either");
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void resolvesExtraFieldsWithTheSameEnvironment() {
        env.put("CLUSTER", "eu-1");
        PodMetadata m = source().extraFields(ExtraFields.parse("team=payments,cluster=${env:CLUSTER},"
                + "java=${sys:test.java:-17},zone=${env:ZONE}"))
                .systemProperties(Map.of("test.java", "21")::get).build().read(status);
        assertEquals(Map.of("team", "payments", "cluster", "eu-1", "java", "21", "zone", ""), m.extraFields());
        assertEquals(1, status.warnings().size());
        assertTrue(status.warnings().get(0).contains("${env:ZONE} in 'zone'"), status.warnings()::toString);
    }

    @Test
    void aFlinkTaskManagerNamesItselfAndConfiguredExtraFieldsWin() {
        String command = "org.apache.flink.kubernetes.taskmanager.KubernetesTaskExecutorRunner"
                + " --configDir /opt/flink/conf -Dtaskmanager.resource-id=orders-taskmanager-1-2";
        PodMetadata taskManager = source().systemProperties(Map.of("sun.java.command", command)::get).build()
                .read(status);
        assertEquals(Map.of("flink.component", "taskmanager", "flink.taskmanager.id", "orders-taskmanager-1-2"),
                taskManager.extraFields());

        PodMetadata configured = source().systemProperties(Map.of("sun.java.command", command)::get)
                .extraFields(ExtraFields.parse("flink.component=worker,team=orders")).build().read(status);
        assertEquals(Map.of("flink.component", "worker", "flink.taskmanager.id", "orders-taskmanager-1-2",
                "team", "orders"), configured.extraFields());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void theDefaultsAreTheSettingsDefaults() {
        PodMetadataSource defaults = PodMetadataSource.defaults();
        assertEquals(PodSettings.POD_INFO_DIR.defaultValue(), defaults.podInfoDir());
        assertEquals(Path.of("/etc/podinfo"), defaults.podInfoDir());
        assertEquals(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace"),
                PodMetadataSource.SERVICE_ACCOUNT_NAMESPACE_FILE);
    }

    /** A source on a fake environment and file system: no real variable or file is read. */
    private PodMetadataSource.Builder source() {
        return PodMetadataSource.builder()
                .environment(env::get)
                .systemProperties(name -> null)
                .hostName(() -> null)
                .podInfoDir(dir.resolve("podinfo"))
                .namespaceFile(dir.resolve("no-service-account").resolve("namespace"));
    }
}
