package dev.kafkaspool.pod;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a process runs, as read once: the pod's identity, its labels and annotations, and the extra
 * fields from configuration. Immutable and safe to share between threads; a field that is unknown is
 * {@code null}, a map that is unknown is empty. The maps keep the order they were read in (the
 * downward API writes keys sorted; extra fields keep their configured order).
 */
public final class PodMetadata {
    private static final PodMetadata EMPTY = builder().build();

    private final String podName;
    private final String namespace;
    private final String podUid;
    private final String podIp;
    private final String nodeName;
    private final String containerName;
    private final String containerImage;
    private final String containerId;
    private final String serviceAccount;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final Map<String, String> extraFields;

    private PodMetadata(Builder b) {
        this.podName = b.podName;
        this.namespace = b.namespace;
        this.podUid = b.podUid;
        this.podIp = b.podIp;
        this.nodeName = b.nodeName;
        this.containerName = b.containerName;
        this.containerImage = b.containerImage;
        this.containerId = b.containerId;
        this.serviceAccount = b.serviceAccount;
        this.labels = b.labels;
        this.annotations = b.annotations;
        this.extraFields = b.extraFields;
    }

    /** No metadata at all, as outside Kubernetes with no extra fields. */
    public static PodMetadata empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The pod's name, or {@code null}. */
    public String podName() {
        return podName;
    }

    /** The pod's namespace, or {@code null}. */
    public String namespace() {
        return namespace;
    }

    /** The pod's UID, or {@code null}. */
    public String podUid() {
        return podUid;
    }

    /** The pod's IP address as text, or {@code null}. */
    public String podIp() {
        return podIp;
    }

    /** The name of the node the pod runs on, or {@code null}. */
    public String nodeName() {
        return nodeName;
    }

    /** The name of the container within the pod, or {@code null}. */
    public String containerName() {
        return containerName;
    }

    /** The pod's service account, or {@code null}. */
    public String serviceAccount() {
        return serviceAccount;
    }

    /** The pod's labels; immutable, empty when unknown. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The pod's annotations; immutable, empty when unknown. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /**
     * The extra fields: which Flink process this is (when it is one) and those from configuration,
     * references resolved; immutable, empty when none.
     */
    public Map<String, String> extraFields() {
        return extraFields;
    }

    /** The container's image, from the variable the pod spec sets, or {@code null}. */
    public String containerImage() {
        return containerImage;
    }

    /** The container runtime's id of this container (64 hex digits), or {@code null}. */
    public String containerId() {
        return containerId;
    }

    /** True when no field is known and every map is empty. */
    public boolean isEmpty() {
        return podName == null && namespace == null && podUid == null && podIp == null && nodeName == null
                && containerName == null && containerImage == null && containerId == null && serviceAccount == null && labels.isEmpty() && annotations.isEmpty()
                && extraFields.isEmpty();
    }

    /** This snapshot with the downward API files read again. */
    PodMetadata withLabelsAndAnnotations(Map<String, String> newLabels, Map<String, String> newAnnotations) {
        return new Builder(this).labels(newLabels).annotations(newAnnotations).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PodMetadata)) {
            return false;
        }
        PodMetadata other = (PodMetadata) o;
        return Objects.equals(podName, other.podName) && Objects.equals(namespace, other.namespace)
                && Objects.equals(podUid, other.podUid) && Objects.equals(podIp, other.podIp)
                && Objects.equals(nodeName, other.nodeName) && Objects.equals(containerName, other.containerName)
                && Objects.equals(containerImage, other.containerImage) && Objects.equals(containerId, other.containerId)
                && Objects.equals(serviceAccount, other.serviceAccount) && labels.equals(other.labels)
                && annotations.equals(other.annotations) && extraFields.equals(other.extraFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(podName, namespace, podUid, podIp, nodeName, containerName, containerImage, containerId,
                serviceAccount, labels,
                annotations, extraFields);
    }

    /**
     * The known fields, for status messages. Annotations are shown by key only: their values can be
     * large (whole manifests).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PodMetadata{");
        append(sb, "podName", podName);
        append(sb, "namespace", namespace);
        append(sb, "podUid", podUid);
        append(sb, "podIp", podIp);
        append(sb, "nodeName", nodeName);
        append(sb, "containerName", containerName);
        append(sb, "containerImage", containerImage);
        append(sb, "containerId", containerId);
        append(sb, "serviceAccount", serviceAccount);
        if (!labels.isEmpty()) {
            append(sb, "labels", labels);
        }
        if (!annotations.isEmpty()) {
            append(sb, "annotations", annotations.keySet());
        }
        if (!extraFields.isEmpty()) {
            append(sb, "extraFields", extraFields);
        }
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /**
     * Collects the fields of a snapshot. A blank text counts as unknown ({@code null}); texts are
     * trimmed; maps are copied.
     */
    public static final class Builder {
        private String podName;
        private String namespace;
        private String podUid;
        private String podIp;
        private String nodeName;
        private String containerName;
        private String containerImage;
        private String containerId;
        private String serviceAccount;
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private Map<String, String> extraFields = Map.of();

        private Builder() {
        }

        private Builder(PodMetadata m) {
            podName = m.podName;
            namespace = m.namespace;
            podUid = m.podUid;
            podIp = m.podIp;
            nodeName = m.nodeName;
            containerName = m.containerName;
            containerImage = m.containerImage;
            containerId = m.containerId;
            serviceAccount = m.serviceAccount;
            labels = m.labels;
            annotations = m.annotations;
            extraFields = m.extraFields;
        }

        public Builder podName(String value) {
            podName = knownOrNull(value);
            return this;
        }

        public Builder namespace(String value) {
            namespace = knownOrNull(value);
            return this;
        }

        public Builder podUid(String value) {
            podUid = knownOrNull(value);
            return this;
        }

        public Builder podIp(String value) {
            podIp = knownOrNull(value);
            return this;
        }

        public Builder nodeName(String value) {
            nodeName = knownOrNull(value);
            return this;
        }

        public Builder containerName(String value) {
            containerName = knownOrNull(value);
            return this;
        }

        public Builder containerImage(String value) {
            containerImage = knownOrNull(value);
            return this;
        }

        public Builder containerId(String value) {
            containerId = knownOrNull(value);
            return this;
        }

        public Builder serviceAccount(String value) {
            serviceAccount = knownOrNull(value);
            return this;
        }

        /** @param value copied in its iteration order; {@code null} means none */
        public Builder labels(Map<String, String> value) {
            labels = immutableCopy(value, "labels");
            return this;
        }

        /** @param value copied in its iteration order; {@code null} means none */
        public Builder annotations(Map<String, String> value) {
            annotations = immutableCopy(value, "annotations");
            return this;
        }

        /** @param value copied in its iteration order; {@code null} means none */
        public Builder extraFields(Map<String, String> value) {
            extraFields = immutableCopy(value, "extraFields");
            return this;
        }

        public PodMetadata build() {
            return new PodMetadata(this);
        }

        private static String knownOrNull(String value) {
            if (value == null) {
                return null;
            }
            String trimmed = value.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }

        private static Map<String, String> immutableCopy(Map<String, String> map, String what) {
            if (map == null || map.isEmpty()) {
                return Map.of();
            }
            Map<String, String> copy = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : map.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), () -> what + " has a null key"),
                        Objects.requireNonNull(e.getValue(), () -> what + " has a null value for " + e.getKey()));
            }
            return Collections.unmodifiableMap(copy);
        }
    }
}
