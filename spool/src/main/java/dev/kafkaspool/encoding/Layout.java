package dev.kafkaspool.encoding;

import java.util.Locale;

/** The built-in field layouts of a record. The README lists every field of each. */
public enum Layout {
    /** Elastic Common Schema names, Kubernetes fields as Beats writes them. */
    ECS("ecs"),
    /** The OpenTelemetry log data model, Kubernetes fields as resource attributes. */
    OTEL("otel"),
    /** The record a Fluentd DaemonSet with the kubernetes_metadata filter produces. */
    FLUENTD("fluentd");

    private final String configName;

    Layout(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Layout parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.configName.equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layout '" + text + "' is not one of ecs, otel, fluentd");
    }
}
