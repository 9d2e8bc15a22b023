package dev.kafkaspool.encoding;

import dev.kafkaspool.config.Setting;
import java.util.List;


/** The settings of the record: its layout, topic, key and limits, each defined once. */
public final class EncodingSettings {

    public static final Setting<Layout> LAYOUT = new Setting<>("layout", "ecs, otlp_json, otlp_proto or fluentd",
            Layout.ECS, "ecs",
            "The record's layout: Elastic Common Schema; OTLP in JSON or protobuf, as the OpenTelemetry "
                    + "Collector's Kafka receiver reads it (encoding otlp_json or otlp_proto); or the record a "
                    + "Fluentd DaemonSet with Kubernetes metadata produces. otel, the former name, means otlp_json.",
            Layout::parse);

    public static final Setting<String> TOPIC = new Setting<>("topic", "topic name or template",
            "logs", "logs",
            "The Kafka topic. Placeholders are resolved once at start: {kubernetes.namespace}, "
                    + "{kubernetes.pod.name}, {kubernetes.container.name}, {kubernetes.node.name}, "
                    + "{service.name}. ${...} works too, but logback.xml and log4j2.xml resolve ${...} "
                    + "themselves: write {...} there. Characters Kafka does not allow become _.",
            EncodingSettings::requireText);

    public static final Setting<String> ERROR_TOPIC = new Setting<>("errorTopic", "topic name or template",
            null, "(none: same as topic)",
            "A topic for events at ERROR and above, e.g. logs.errors.{kubernetes.namespace}; same placeholders "
                    + "as topic.",
            EncodingSettings::requireText);

    public static final Setting<KeyStrategy> KEY = new Setting<>("key", "none, pod, logger, thread or mdc:<key>",
            KeyStrategy.NONE, "none",
            "The record key. none spreads records over all partitions; a key keeps records with the same key "
                    + "in one partition, in order, at the cost of balance when few keys dominate.",
            KeyStrategy::parse);

    public static final Setting<String> SERVICE_NAME = new Setting<>("serviceName", "text",
            null, "(none)", "service.name in every record.", EncodingSettings::requireText);

    public static final Setting<String> SERVICE_VERSION = new Setting<>("serviceVersion", "text",
            null, "(none)", "service.version in every record.", EncodingSettings::requireText);

    public static final Setting<String> SERVICE_ENVIRONMENT = new Setting<>("serviceEnvironment", "text",
            null, "(none)", "The deployment environment (ECS service.environment, OpenTelemetry "
                    + "deployment.environment.name) in every record.", EncodingSettings::requireText);

    public static final Setting<String> SERVICE_NODE_NAME = new Setting<>("serviceNodeName", "text",
            null, "(none)", "ECS service.node.name in every record: which instance of the service wrote it "
                    + "(e.g. the pod's name; ECS layout only).", EncodingSettings::requireText);

    public static final Setting<Integer> MAX_MESSAGE_LENGTH = new Setting<>("maxMessageLength", "characters",
            32_768, "32768",
            "A longer message is cut and ends with ...[truncated N chars].",
            text -> atLeast(text, 64));

    public static final Setting<Integer> MAX_VALUE_LENGTH = new Setting<>("maxValueLength", "characters",
            8_192, "8192",
            "A longer MDC, ThreadContext or key-value entry is cut the same way.",
            text -> atLeast(text, 16));

    public static final Setting<Integer> MAX_STACK_TRACE_LENGTH = new Setting<>("maxStackTraceLength", "characters",
            65_536, "65536",
            "A longer stack trace (with its causes and suppressed exceptions) is cut the same way.",
            text -> atLeast(text, 256));

    private EncodingSettings() {
    }

    /** Every encoding setting, in documentation order. */
    public static List<Setting<?>> all() {
        return List.of(LAYOUT, TOPIC, ERROR_TOPIC, KEY, SERVICE_NAME, SERVICE_VERSION, SERVICE_ENVIRONMENT,
                SERVICE_NODE_NAME, MAX_MESSAGE_LENGTH, MAX_VALUE_LENGTH, MAX_STACK_TRACE_LENGTH);
    }

    private static String requireText(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty value is not allowed");
        }
        return t;
    }

    private static int atLeast(String text, int min) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        if (v < min) {
            throw new IllegalArgumentException(v + " is below the minimum of " + min);
        }
        return v;
    }
}
