package dev.kafkaspool.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.samples.demo.DemoService;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample pod spec ({@code samples/kubernetes/deployment.yaml}) with {@code logback-kubernetes.xml}
 * (disk durability), its spool on an {@code emptyDir} made as the kubelet makes it: {@code 0777}
 * for a container running as root, {@code 1777} like {@code /tmp}, and {@code 2777} with the
 * group of the pod's {@code fsGroup} for the pod's non-root user. The container is killed with -9
 * while Kafka is down; the next container of the pod, on the same volume, ships every event.
 *
 * <p>The non-root case runs as the pod spec's {@code runAsUser} with its {@code fsGroup} and a
 * home and temporary directory it cannot write, as with {@code readOnlyRootFilesystem: true}, and
 * checks that it left no file of its own in {@code /tmp}. It needs root, as the kubelet has.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KubernetesPodTest {
    private static final int EVENTS = 500;

    private final KafkaBroker broker;

    @TempDir
    Path work;

    KubernetesPodTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest(name = "emptyDir {0}, {1}")
    @CsvSource({"0777, root", "1777, root", "2777, the pod's user"})
    void aContainerKilledWhileKafkaIsDownLeavesEveryEventToTheNextContainer(String mode, String user)
            throws Exception {
        PodSpec pod = PodSpec.deployment();
        boolean podUser = !user.equals("root");
        assumeTrue(!podUser || "root".equals(System.getProperty("user.name")), "runs the JVM as another user");
        String namespace = "pod-" + mode;
        String topic = "logs." + namespace;
        broker.createTopic(topic, 2);
        run("chmod", "0755", work.toString()); // the pod's user reaches the volume and its class path

        Path emptyDir = Files.createDirectories(work.resolve("volumes").resolve("spool"));
        if (podUser) {
            run("chgrp", Long.toString(pod.podSecurity("fsGroup")), emptyDir.toString());
        }
        run("chmod", mode, emptyDir.toString());
        assertEquals(Boolean.TRUE, pod.containerSecurity("readOnlyRootFilesystem"));

        Map<String, String> env = new LinkedHashMap<>(pod.env("orders-0", namespace));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("KAFKA_SPOOL_DIR", emptyDir.toString()); // mounted at the spec's spoolMountPath()
        String before = podUser ? filesOf(pod.podSecurity("runAsUser")) : "";

        broker.stop();
        try (AppJvm first = container(pod, podUser, env).start(EVENTS, "hold", "first")) {
            assertTrue(first.awaitLine("logged " + EVENTS), first.stderr());
            first.kill();
        } finally {
            broker.restart();
        }
        Path files = emptyDir.resolve("kafka-spool");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files)));
        assertEquals(Integer.parseInt(mode, 8), Integer.parseInt(modeOf(emptyDir), 8),
                "the volume itself is left as it was");

        try (AppJvm next = container(pod, podUser, env).start(0, "return", "next")) {
            assertEquals(0, next.awaitExit(), next.stderr());
            List<Long> missing = NumberedRecords.missing(broker.consume(topic, EVENTS, AppJvm.RECORDS_TIMEOUT), EVENTS);
            assertEquals(List.of(), missing, next.stderr());
        }
        if (podUser) {
            assertEquals(before, filesOf(pod.podSecurity("runAsUser")), "files the pod's user left in /tmp");
        }
    }

    private AppJvm.Builder container(PodSpec pod, boolean podUser, Map<String, String> env) throws Exception {
        AppJvm.Builder builder = AppJvm.builder(DemoService.ORDERS, work)
                .configuration("dev/kafkaspool/samples/logback/logback-kubernetes.xml")
                .env(env);
        if (podUser) {
            Path readOnly = Files.createDirectories(work.resolve("read-only-root"));
            run("chmod", "0555", readOnly.toString());
            Path classpath = work.resolve("classpath");
            String copy = Files.isDirectory(classpath) ? Files.readString(work.resolve("classpath.txt"))
                    : ReadableClasspath.copyOf(dev.kafkaspool.samples.demo.ServiceClasspath.of(DemoService.ORDERS),
                            classpath);
            Files.writeString(work.resolve("classpath.txt"), copy);
            builder.asUser(pod.podSecurity("runAsUser"), pod.podSecurity("runAsGroup"), pod.podSecurity("fsGroup"))
                    .classpath(copy)
                    .jvmFlag("-Djava.io.tmpdir=" + readOnly)
                    .jvmFlag("-Duser.home=" + readOnly);
        }
        return builder;
    }

    /** The files a user owns in /tmp outside this test's directory, for a before-and-after comparison. */
    private String filesOf(long uid) throws Exception {
        return run("find", "/tmp", "-xdev", "-user", Long.toString(uid), "-not", "-path", work + "/*");
    }

    private static String modeOf(Path path) throws Exception {
        return run("stat", "-c", "%a", path.toString()).trim();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit != 0 && !command[0].equals("find")) {
            throw new AssertionError(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
