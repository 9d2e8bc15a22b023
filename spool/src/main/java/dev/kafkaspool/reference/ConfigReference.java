package dev.kafkaspool.reference;

import dev.kafkaspool.config.ProducerSettings;
import dev.kafkaspool.config.Setting;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.pipeline.SettingCatalog;

/**
 * The configuration reference in Markdown, made from the setting definitions. docs/configuration.md holds a
 * copy between marker comments, and a test checks that the copy matches.
 */
public final class ConfigReference {
    /** Opens the generated block in docs/configuration.md. */
    public static final String BEGIN = "<!-- settings:begin (generated from the setting definitions by ConfigReference) -->";
    /** Closes the generated block in docs/configuration.md. */
    public static final String END = "<!-- settings:end -->";

    private ConfigReference() {
    }

    /** The settings table and the producer defaults table. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Setting<?>>> section : SettingCatalog.sections().entrySet()) {
            section(sb, section.getKey(), section.getValue());
        }
        sb.append("Kafka producer properties: kafka-spool's defaults (any can be overridden) and the ones it sets itself.\n\n");
        sb.append("| producer property | value | |\n");
        sb.append("|---|---|---|\n");
        for (Map.Entry<String, String> e : ProducerSettings.DEFAULTS.entrySet()) {
            sb.append("| `").append(e.getKey()).append("` | `").append(e.getValue()).append("` | default |\n");
        }
        sb.append("| `client.id` | `kafka-spool-<name>` | default |\n");
        for (String key : new java.util.TreeSet<>(ProducerSettings.OWNED.keySet())) {
            sb.append("| `").append(key).append("` | `").append(ProducerSettings.OWNED.get(key))
                    .append("` | set by kafka-spool, cannot be changed |\n");
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<Setting<?>> settings) {
        sb.append("**").append(title).append("**\n\n");
        sb.append("| setting | value | default | what it does |\n");
        sb.append("|---|---|---|---|\n");
        for (Setting<?> s : settings) {
            sb.append("| `").append(s.name()).append("` | ").append(s.valueFormat()).append(" | ")
                    .append(s.isRequired() ? "required" : "`" + s.defaultDescription() + "`").append(" | ")
                    .append(s.documentation()).append(" |\n");
        }
        sb.append('\n');
    }

    /** Prints the reference, to paste between the markers in docs/configuration.md. */
    public static void main(String[] args) {
        System.out.print(BEGIN + "\n" + markdown() + END + "\n");
    }
}
