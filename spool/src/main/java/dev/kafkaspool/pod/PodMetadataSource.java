package dev.kafkaspool.pod;


import dev.kafkaspool.engine.StatusListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where pod metadata is read from: environment variables (names from {@link PodSettings}), the
 * service account's namespace file, the {@code labels} and {@code annotations} files of a downward
 * API volume, the extra fields from configuration, and which Flink process this JVM is (see
 * {@link FlinkProcess}; configured extra fields of the same names win). Immutable. Outside
 * Kubernetes reading works the same and gives only what exists.
 *
 * <p>The pod name falls back to {@code HOSTNAME}, then to the machine's host name; the namespace
 * falls back to {@link #SERVICE_ACCOUNT_NAMESPACE_FILE}.
 */
public final class PodMetadataSource {
    /** The namespace file Kubernetes mounts with a service account token. */
    public static final Path SERVICE_ACCOUNT_NAMESPACE_FILE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
    /** The pod name's fallback: container runtimes set it to the pod's host name. */
    public static final String HOSTNAME_ENV = "HOSTNAME";
    /** The labels file in the podinfo directory. */
    public static final String LABELS_FILE = "labels";
    /** The annotations file in the podinfo directory. */
    public static final String ANNOTATIONS_FILE = "annotations";

    private final String podNameEnv;
    private final String namespaceEnv;
    private final String podUidEnv;
    private final String podIpEnv;
    private final String nodeNameEnv;
    private final String containerNameEnv;
    private final String containerImageEnv;
    private final Path cgroupFile;
    private final Path mountinfoFile;
    private final String serviceAccountEnv;
    private final Path podInfoDir;
    private final Path namespaceFile;
    private final ExtraFields extraFields;
    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final Supplier<String> hostName;

    private PodMetadataSource(Builder b) {
        podNameEnv = b.podNameEnv;
        namespaceEnv = b.namespaceEnv;
        podUidEnv = b.podUidEnv;
        podIpEnv = b.podIpEnv;
        nodeNameEnv = b.nodeNameEnv;
        containerNameEnv = b.containerNameEnv;
        containerImageEnv = b.containerImageEnv;
        cgroupFile = b.cgroupFile;
        mountinfoFile = b.mountinfoFile;
        serviceAccountEnv = b.serviceAccountEnv;
        podInfoDir = b.podInfoDir;
        namespaceFile = b.namespaceFile;
        extraFields = b.extraFields;
        environment = b.environment;
        systemProperties = b.systemProperties;
        hostName = b.hostName;
    }

    /** Every setting at its default, the process's environment and system properties. */
    public static PodMetadataSource defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads everything once. Never throws; problems go to {@code status} as warnings. */
    public PodMetadata read(StatusListener status) {
        return PodMetadata.builder()
                .podName(podName())
                .namespace(namespace(status))
                .podUid(env(podUidEnv))
                .podIp(env(podIpEnv))
                .nodeName(env(nodeNameEnv))
                .containerName(env(containerNameEnv))
                .containerImage(env(containerImageEnv))
                .containerId(ContainerId.read(cgroupFile, mountinfoFile))
                .serviceAccount(env(serviceAccountEnv))
                .labels(readLabels(status))
                .annotations(readAnnotations(status))
                .extraFields(extraFields(status))
                .build();
    }

    /** Which Flink process this is (when it is one), then the configured extra fields, which win. */
    private Map<String, String> extraFields(StatusListener status) {
        Map<String, String> fields = FlinkProcess.fields(systemProperty(FlinkProcess.COMMAND_PROPERTY));
        fields.putAll(extraFields.resolve(environment, systemProperties, status));
        return fields;
    }

    private String systemProperty(String name) {
        try {
            return systemProperties.apply(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Path podInfoDir() {
        return podInfoDir;
    }

    /** The files that change while the pod runs, labels then annotations. */
    List<Path> changingFiles() {
        return List.of(podInfoDir.resolve(LABELS_FILE), podInfoDir.resolve(ANNOTATIONS_FILE));
    }

    Map<String, String> readLabels(StatusListener status) {
        return PodInfoFile.read(podInfoDir.resolve(LABELS_FILE), status);
    }

    Map<String, String> readAnnotations(StatusListener status) {
        return PodInfoFile.read(podInfoDir.resolve(ANNOTATIONS_FILE), status);
    }

    private String podName() {
        String name = env(podNameEnv);
        if (name == null) {
            name = env(HOSTNAME_ENV);
        }
        if (name == null) {
            try {
                name = hostName.get();
            } catch (RuntimeException e) {
                name = null;
            }
        }
        return name;
    }

    private String namespace(StatusListener status) {
        String namespace = env(namespaceEnv);
        if (namespace != null) {
            return namespace;
        }
        try {
            return new String(Files.readAllBytes(namespaceFile), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            status.warn("pod metadata: cannot read the namespace from " + namespaceFile + "; set "
                    + namespaceEnv + " instead", e);
            return null;
        }
    }

    /** A variable's value; {@code null} when unset, blank, or not readable. */
    private String env(String name) {
        try {
            String value = environment.apply(name);
            return value == null || value.isBlank() ? null : value.trim();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "PodMetadataSource{env=[" + String.join(", ", podNameEnv, namespaceEnv, podUidEnv, podIpEnv,
                nodeNameEnv, containerNameEnv, containerImageEnv, serviceAccountEnv) + "], podInfoDir=" + podInfoDir
                + ", namespaceFile=" + namespaceFile + ", extraFields=" + extraFields + "}";
    }

    /**
     * Starts from every setting's default (see {@link PodSettings}), the process's environment and
     * system properties, and the machine's host name.
     */
    public static final class Builder {
        private String podNameEnv = PodSettings.POD_NAME_ENV.defaultValue();
        private String namespaceEnv = PodSettings.NAMESPACE_ENV.defaultValue();
        private String podUidEnv = PodSettings.POD_UID_ENV.defaultValue();
        private String podIpEnv = PodSettings.POD_IP_ENV.defaultValue();
        private String nodeNameEnv = PodSettings.NODE_NAME_ENV.defaultValue();
        private String containerNameEnv = PodSettings.CONTAINER_NAME_ENV.defaultValue();
        private String containerImageEnv = PodSettings.CONTAINER_IMAGE_ENV.defaultValue();
        private Path cgroupFile = ContainerId.CGROUP;
        private Path mountinfoFile = ContainerId.MOUNTINFO;
        private String serviceAccountEnv = PodSettings.SERVICE_ACCOUNT_ENV.defaultValue();
        private Path podInfoDir = PodSettings.POD_INFO_DIR.defaultValue();
        private Path namespaceFile = SERVICE_ACCOUNT_NAMESPACE_FILE;
        private ExtraFields extraFields = PodSettings.EXTRA_FIELDS.defaultValue();
        private Function<String, String> environment = System::getenv;
        private Function<String, String> systemProperties = System::getProperty;
        private Supplier<String> hostName = LocalHostName::get;

        private Builder() {
        }

        /** See {@link PodSettings#POD_NAME_ENV}. */
        public Builder podNameEnv(String name) {
            podNameEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#NAMESPACE_ENV}. */
        public Builder namespaceEnv(String name) {
            namespaceEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#POD_UID_ENV}. */
        public Builder podUidEnv(String name) {
            podUidEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#POD_IP_ENV}. */
        public Builder podIpEnv(String name) {
            podIpEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#NODE_NAME_ENV}. */
        public Builder nodeNameEnv(String name) {
            nodeNameEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#CONTAINER_IMAGE_ENV}. */
        public Builder containerImageEnv(String name) {
            containerImageEnv = Objects.requireNonNull(name);
            return this;
        }

        /** Where the container id is read from: {@code /proc/self/cgroup} and {@code /proc/self/mountinfo}. */
        public Builder procFiles(Path cgroup, Path mountinfo) {
            cgroupFile = Objects.requireNonNull(cgroup);
            mountinfoFile = Objects.requireNonNull(mountinfo);
            return this;
        }

        /** See {@link PodSettings#CONTAINER_NAME_ENV}. */
        public Builder containerNameEnv(String name) {
            containerNameEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#SERVICE_ACCOUNT_ENV}. */
        public Builder serviceAccountEnv(String name) {
            serviceAccountEnv = Objects.requireNonNull(name);
            return this;
        }

        /** See {@link PodSettings#POD_INFO_DIR}. */
        public Builder podInfoDir(Path dir) {
            podInfoDir = Objects.requireNonNull(dir);
            return this;
        }

        /** See {@link PodSettings#EXTRA_FIELDS}. */
        public Builder extraFields(ExtraFields fields) {
            extraFields = Objects.requireNonNull(fields);
            return this;
        }

        /** The namespace's fallback; {@link #SERVICE_ACCOUNT_NAMESPACE_FILE} unless changed. */
        public Builder namespaceFile(Path file) {
            namespaceFile = Objects.requireNonNull(file);
            return this;
        }

        /** Looks up environment variables; {@code System::getenv} unless changed (tests pass a map's {@code get}). */
        public Builder environment(Function<String, String> lookup) {
            environment = Objects.requireNonNull(lookup);
            return this;
        }

        /** Looks up system properties for extra fields; {@code System::getProperty} unless changed. */
        public Builder systemProperties(Function<String, String> lookup) {
            systemProperties = Objects.requireNonNull(lookup);
            return this;
        }

        /** The pod name's last fallback; the machine's host name unless changed. */
        public Builder hostName(Supplier<String> lookup) {
            hostName = Objects.requireNonNull(lookup);
            return this;
        }

        public PodMetadataSource build() {
            return new PodMetadataSource(this);
        }
    }
}
