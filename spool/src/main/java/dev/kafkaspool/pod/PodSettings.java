package dev.kafkaspool.pod;


import dev.kafkaspool.config.Setting;
import dev.kafkaspool.config.SpoolConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pod metadata settings, each defined once. The environment variables are the ones a pod spec
 * sets from the downward API, for example:
 *
 * <pre>
 * env:
 *   - name: POD_NAME
 *     valueFrom: {fieldRef: {fieldPath: metadata.name}}
 * volumes:
 *   - name: podinfo
 *     downwardAPI:
 *       items:
 *         - {path: labels, fieldRef: {fieldPath: metadata.labels}}
 *         - {path: annotations, fieldRef: {fieldPath: metadata.annotations}}
 * </pre>
 */
public final class PodSettings {
    /** Names Kubernetes accepts for environment variables. */
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    public static final Setting<String> POD_NAME_ENV = envName("podNameEnv", "POD_NAME",
            "The environment variable holding the pod's name (fieldPath metadata.name). When it is not "
                    + "set, the host name is used, which in a pod is the pod's name.");

    public static final Setting<String> NAMESPACE_ENV = envName("namespaceEnv", "POD_NAMESPACE",
            "The environment variable holding the pod's namespace (fieldPath metadata.namespace). When it "
                    + "is not set, the namespace is read from the service account's files, "
                    + "/var/run/secrets/kubernetes.io/serviceaccount/namespace, if they are mounted.");

    public static final Setting<String> POD_UID_ENV = envName("podUidEnv", "POD_UID",
            "The environment variable holding the pod's UID (fieldPath metadata.uid).");

    public static final Setting<String> POD_IP_ENV = envName("podIpEnv", "POD_IP",
            "The environment variable holding the pod's IP address (fieldPath status.podIP).");

    public static final Setting<String> NODE_NAME_ENV = envName("nodeNameEnv", "NODE_NAME",
            "The environment variable holding the name of the node the pod runs on (fieldPath spec.nodeName).");

    public static final Setting<String> CONTAINER_NAME_ENV = envName("containerNameEnv", "CONTAINER_NAME",
            "The environment variable holding the container's name. The downward API has no field for it: "
                    + "set the variable to the container's name in the pod spec.");

    public static final Setting<String> CONTAINER_IMAGE_ENV = envName("containerImageEnv", "CONTAINER_IMAGE",
            "The environment variable holding the container's image (Fluentd kubernetes.container_image, ECS "
                    + "container.image.name). The downward API has no field for it: set the variable to the "
                    + "container's image in the pod spec.");

    public static final Setting<String> SERVICE_ACCOUNT_ENV = envName("serviceAccountEnv", "SERVICE_ACCOUNT",
            "The environment variable holding the pod's service account (fieldPath spec.serviceAccountName).");

    public static final Setting<Path> POD_INFO_DIR = new Setting<>("podInfoDir", "directory path",
            Path.of("/etc/podinfo"), "/etc/podinfo",
            "Where a downward API volume is mounted that holds the files labels (fieldPath metadata.labels) "
                    + "and annotations (fieldPath metadata.annotations). Changes Kubernetes makes to them are "
                    + "picked up without a restart. A missing directory or file leaves those fields out.",
            Path::of);

    public static final Setting<ExtraFields> EXTRA_FIELDS = new Setting<>("extraFields",
            "key=value[,key=value...]", ExtraFields.none(), "none",
            "Fields added to every event, e.g. team=payments,cluster=${env:CLUSTER:-eu-1}. Values may refer to "
                    + "environment variables, ${env:NAME}, and system properties, ${sys:name}, with an optional "
                    + "default after :-. Write \\, for a comma and \\\\ for a backslash in a value.",
            ExtraFields::parse);

    private PodSettings() {
    }

    /** Every pod metadata setting, in the order the documentation lists them. */
    public static List<Setting<?>> all() {
        return List.of(POD_NAME_ENV, NAMESPACE_ENV, POD_UID_ENV, POD_IP_ENV, NODE_NAME_ENV, CONTAINER_NAME_ENV,
                CONTAINER_IMAGE_ENV,
                SERVICE_ACCOUNT_ENV, POD_INFO_DIR, EXTRA_FIELDS);
    }

    private static Setting<String> envName(String name, String defaultValue, String documentation) {
        return new Setting<>(name, "environment variable name", defaultValue, defaultValue, documentation,
                PodSettings::checkEnvName);
    }

    private static String checkEnvName(String text) {
        if (!ENV_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("not an environment variable name: letters, digits, '_', '-' "
                    + "and '.', not starting with a digit");
        }
        return text;
    }

    /** Where the pod metadata is read from, as these settings of {@code config} say. */
    public static PodMetadataSource source(SpoolConfig config) {
        return PodMetadataSource.builder()
                .podNameEnv(config.get(POD_NAME_ENV))
                .namespaceEnv(config.get(NAMESPACE_ENV))
                .podUidEnv(config.get(POD_UID_ENV))
                .podIpEnv(config.get(POD_IP_ENV))
                .nodeNameEnv(config.get(NODE_NAME_ENV))
                .containerNameEnv(config.get(CONTAINER_NAME_ENV))
                .containerImageEnv(config.get(CONTAINER_IMAGE_ENV))
                .serviceAccountEnv(config.get(SERVICE_ACCOUNT_ENV))
                .podInfoDir(config.get(POD_INFO_DIR))
                .extraFields(config.get(EXTRA_FIELDS))
                .build();
    }
}
