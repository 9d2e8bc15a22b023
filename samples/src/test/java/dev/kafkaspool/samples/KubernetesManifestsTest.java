package dev.kafkaspool.samples;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.kafkaspool.pipeline.SettingCatalog;
import dev.kafkaspool.pod.PodMetadataSource;
import dev.kafkaspool.pod.PodSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests parse, and what they set is what the library reads by default. */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("kubernetes");

    /** Each downward-API env var the library reads by default, with the field it must come from. */
    private static final Map<String, String> FIELD_OF_ENV = Map.of(
            PodSettings.POD_NAME_ENV.defaultValue(), "metadata.name",
            PodSettings.NAMESPACE_ENV.defaultValue(), "metadata.namespace",
            PodSettings.POD_UID_ENV.defaultValue(), "metadata.uid",
            PodSettings.POD_IP_ENV.defaultValue(), "status.podIP",
            PodSettings.NODE_NAME_ENV.defaultValue(), "spec.nodeName",
            PodSettings.SERVICE_ACCOUNT_ENV.defaultValue(), "spec.serviceAccountName");

    @Test
    void theDeploymentSetsWhatTheLibraryReads() throws IOException {
        Map<String, Object> deployment = load("deployment.yaml");
        assertEquals("Deployment", deployment.get("kind"));
        Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container = list(podSpec, "containers").get(0);
        checkPod(podSpec, container);
        assertEquals(container.get("image"), envValues(container).get(PodSettings.CONTAINER_IMAGE_ENV.defaultValue()),
                "the image the records name is the container's");
        String flags = envValues(container).get("JAVA_TOOL_OPTIONS");
        assertNotNull(flags, "the JVM flags are set");
        checkJvmFlags(flags);
    }

    @Test
    void theFlinkDeploymentSetsWhatTheLibraryReadsAndItsLog4jLinesAreKnownSettings() throws IOException {
        Map<String, Object> flink = load("flink-deployment.yaml");
        assertEquals("FlinkDeployment", flink.get("kind"));
        Map<String, Object> spec = map(flink, "spec");
        assertEquals(operatorVersionName(testedFlinkVersion()), spec.get("flinkVersion"),
                "the Flink version the tests run (the parent pom's flink.version)");
        Map<String, Object> podSpec = map(map(spec, "podTemplate"), "spec");
        Map<String, Object> container = list(podSpec, "containers").get(0);
        assertEquals("flink-main-container", container.get("name"), "the container the operator merges into");
        String spoolPath = checkPod(podSpec, container);
        checkJvmFlags((String) map(spec, "flinkConfiguration").get("env.java.opts.all"));

        Properties log4j = new Properties();
        log4j.load(new StringReader((String) map(spec, "logConfiguration").get("log4j-console.properties")));
        assertEquals("KafkaSpool", log4j.getProperty("appender.kafka.type"));
        assertEquals(log4j.getProperty("appender.kafka.name"), log4j.getProperty("rootLogger.appenderRef.kafka.ref"));
        assertEquals(spoolPath, log4j.getProperty("appender.kafka.spoolDir"), "the spool is on the volume");
        for (String key : log4j.stringPropertyNames()) {
            if (key.startsWith("appender.kafka.") && !key.equals("appender.kafka.type")
                    && !key.equals("appender.kafka.name")) {
                String setting = key.substring("appender.kafka.".length());
                assertNotNull(SettingCatalog.find(setting), key + " is a kafka-spool setting");
            }
        }
        assertTrue(log4j.getProperty("appender.kafka.topic").contains("{kubernetes.namespace}")
                && !log4j.getProperty("appender.kafka.topic").contains("${"), "a placeholder Log4j leaves alone");
    }

    /** The parent pom's {@code flink.version}: what the Flink tests run. */
    private static String testedFlinkVersion() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<flink\\.version>([^<]+)</flink\\.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertTrue(m.find(), "the parent pom names flink.version");
        return m.group(1);
    }

    /** The operator's name for a Flink version: {@code 2.3.0} is {@code v2_3}. */
    private static String operatorVersionName(String version) {
        String[] parts = version.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    /** Checks env vars, the podinfo volume, the spool volume and the grace period; returns the spool's path. */
    private static String checkPod(Map<String, Object> podSpec, Map<String, Object> container) {
        Map<String, String> fields = envFields(container);
        FIELD_OF_ENV.forEach((env, field) -> assertEquals(field, fields.get(env), env));
        assertEquals(container.get("name"), envValues(container).get(PodSettings.CONTAINER_NAME_ENV.defaultValue()),
                "CONTAINER_NAME is the container's own name");

        Map<String, String> mounts = new LinkedHashMap<>();
        for (Map<String, Object> m : list(container, "volumeMounts")) {
            mounts.put((String) m.get("name"), (String) m.get("mountPath"));
        }
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        for (Map<String, Object> v : list(podSpec, "volumes")) {
            volumes.put((String) v.get("name"), v);
        }
        String podinfo = null;
        String spool = null;
        for (Map.Entry<String, Map<String, Object>> v : volumes.entrySet()) {
            if (v.getValue().containsKey("downwardAPI")) {
                podinfo = v.getKey();
            } else if (v.getValue().containsKey("emptyDir")) {
                spool = v.getKey();
            }
        }
        assertNotNull(podinfo, "a downward API volume");
        assertEquals(PodSettings.POD_INFO_DIR.defaultValue().toString(), mounts.get(podinfo));
        Map<String, String> items = new LinkedHashMap<>();
        for (Map<String, Object> item : list(map(volumes.get(podinfo), "downwardAPI"), "items")) {
            items.put((String) item.get("path"), (String) map(item, "fieldRef").get("fieldPath"));
        }
        assertEquals(Map.of(PodMetadataSource.LABELS_FILE, "metadata.labels",
                PodMetadataSource.ANNOTATIONS_FILE, "metadata.annotations"), items);

        assertNotNull(spool, "an emptyDir for the spool");
        long sizeLimit = quantity((String) map(volumes.get(spool), "emptyDir").get("sizeLimit"));
        long mostOnDisk = ChronicleSpool.mostOnDisk(EngineSettings.MAX_BYTES.defaultValue());
        assertTrue(sizeLimit >= mostOnDisk, "the volume holds the most the spool's files take at the default cap ("
                + mostOnDisk + " bytes), so the cap decides what happens when it is full, not the kubelet's eviction");
        int grace = (Integer) podSpec.get("terminationGracePeriodSeconds");
        assertTrue(grace > EngineSettings.STOP_TIMEOUT.defaultValue().toSeconds(),
                "the grace period leaves the appender its stop timeout");
        return mounts.get(spool);
    }

    private static void checkJvmFlags(String configured) throws IOException {
        assertNotNull(configured);
        List<String> given = List.of(configured.trim().split("\\s+"));
        for (String flag : requiredFlags()) {
            assertTrue(given.contains(flag), "missing " + flag + " in " + given);
        }
    }

    private static List<String> requiredFlags() throws IOException {
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("chronicle-jvm-flags.txt")) {
            List<String> flags = new ArrayList<>();
            for (String f : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+")) {
                if (f.startsWith("--add-")) {
                    flags.add(f);
                }
            }
            assertTrue(flags.size() >= 6, "the parent pom's flags were read: " + flags);
            return flags;
        }
    }

    private static Map<String, String> envFields(Map<String, Object> container) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map<String, Object> e : list(container, "env")) {
            Object from = e.get("valueFrom");
            if (from != null) {
                fields.put((String) e.get("name"), (String) map(map(e, "valueFrom"), "fieldRef").get("fieldPath"));
            }
        }
        return fields;
    }

    private static Map<String, String> envValues(Map<String, Object> container) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> e : list(container, "env")) {
            if (e.get("value") != null) {
                values.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
        }
        return values;
    }

    /** A Kubernetes quantity such as 512Mi, in bytes. */
    private static long quantity(String q) {
        String[] units = {"Ki", "Mi", "Gi", "Ti"};
        for (int i = 0; i < units.length; i++) {
            if (q.endsWith(units[i])) {
                return Long.parseLong(q.substring(0, q.length() - 2)) << (10 * (i + 1));
            }
        }
        return Long.parseLong(q);
    }

    private static Map<String, Object> load(String file) throws IOException {
        return new Yaml().load(Files.readString(DIR.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        assertNotNull(v, "missing " + key);
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        assertNotNull(v, "missing " + key);
        return (List<Map<String, Object>>) v;
    }
}
