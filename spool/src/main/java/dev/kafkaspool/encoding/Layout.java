package dev.kafkaspool.encoding;

import java.util.Locale;

/** The built-in layouts of a record. {@code docs/records.md} shows every field of each. */
public enum Layout {
    /** Elastic Common Schema names, Kubernetes fields as Beats writes them. */
    ECS("ecs", "application/json"),
    /** OTLP's JSON encoding: one {@code ExportLogsServiceRequest} holding one log record. */
    OTLP_JSON("otlp_json", "application/json"),
    /** OTLP's protobuf encoding: one {@code ExportLogsServiceRequest} holding one log record. */
    OTLP_PROTO("otlp_proto", "application/x-protobuf"),
    /** The record a Fluentd DaemonSet with the kubernetes_metadata filter produces. */
    FLUENTD("fluentd", "application/json"),
    /**
     * The former OpenTelemetry layout's name, still accepted: records are {@link #OTLP_JSON}, and
     * the appender warns at start.
     *
     * @deprecated write {@code otlp_json}
     */
    @Deprecated
    OTEL("otel", "application/json");

    private final String configName;
    private final String contentType;

    Layout(String configName, String contentType) {
        this.configName = configName;
        this.contentType = contentType;
    }

    public String configName() {
        return configName;
    }

    /** The {@code content-type} header of the layout's records. */
    public String contentType() {
        return contentType;
    }

    /** The layout records are written in: itself, or the layout a deprecated name stands for. */
    @SuppressWarnings("deprecation")
    public Layout canonical() {
        return this == OTEL ? OTLP_JSON : this;
    }

    static Layout parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.configName.equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layout '" + text + "' is not one of ecs, otlp_json, otlp_proto, fluentd");
    }
}
