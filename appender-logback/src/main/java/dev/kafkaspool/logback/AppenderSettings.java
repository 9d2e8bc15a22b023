package dev.kafkaspool.logback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;

/**
 * The settings and producer properties read from {@code logback.xml}, kept as written until the
 * appender starts and hands them, by name, to the pipeline, which validates them against their one
 * definition. A value given twice keeps the last one, as Logback users expect.
 *
 * <p><b>Not thread-safe:</b> filled by Logback's configurator on one thread before start.
 */
final class AppenderSettings {
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> producerProperties = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The producer property {@code bootstrap.servers}, as logback-kafka-appender configurations give the brokers. */
    private String producerBrokers;

    void set(String name, String text) {
        String undefined = UndefinedVariables.wholeValueUndefined(text);
        if (undefined != null) {
            problems.add("'" + name + "' refers to ${" + undefined + "}, which is not defined (neither a property of"
                    + " the configuration, nor a system property, nor an environment variable); it is left unset");
            settings.remove(name);
            return;
        }
        settings.put(name, text);
    }

    /** A {@code key=value} line, as in a producer properties file. */
    void producerConfig(String line) {
        int eq = line == null ? -1 : line.indexOf('=');
        if (eq <= 0) {
            problems.add("<producerConfig> takes key=value; a line without a key before '=' is left out");
            return;
        }
        producerProperty(line.substring(0, eq), line.substring(eq + 1));
    }

    void producerProperty(String key, String value) {
        if (key == null || key.isBlank() || value == null) {
            problems.add("<producerProperty> needs a <name> and a <value>; '" + key + "' is left out");
            return;
        }
        if (key.trim().equals("bootstrap.servers")) {
            String undefined = UndefinedVariables.wholeValueUndefined(value);
            if (undefined != null) {
                problems.add("producer property 'bootstrap.servers' refers to ${" + undefined + "}, which is not "
                        + "defined; it is left unset");
                producerBrokers = null;
            } else {
                producerBrokers = value.trim();
            }
            return;
        }
        producerProperties.put(key.trim(), UndefinedVariables.restoreProducerValue(value.trim()));
    }

    /** The setting's value as written, or null when it is not set. */
    String get(String name) {
        return settings.get(name);
    }

    /** A problem the appender works around, reported as a warning at start. */
    void warn(String problem) {
        problems.add(problem);
    }

    /** What a setting became, reported as information at start. */
    void note(String note) {
        notes.add(note);
    }

    /**
     * Takes the brokers from the producer property {@code bootstrap.servers} when
     * {@code bootstrapServers} is not set; when both are set and differ, {@code bootstrapServers} wins.
     */
    void resolveBrokers() {
        if (producerBrokers == null) {
            return;
        }
        String configured = settings.get("bootstrapServers");
        if (configured == null) {
            settings.put("bootstrapServers", producerBrokers);
            notes.add("the brokers are taken from the producer property bootstrap.servers: " + producerBrokers);
        } else if (!configured.trim().equals(producerBrokers)) {
            problems.add("bootstrapServers (" + configured.trim() + ") and the producer property bootstrap.servers ("
                    + producerBrokers + ") differ; bootstrapServers is used");
        }
        producerBrokers = null;
    }

    /** What settings became (brokers taken from a producer property, strategies mapped), for information. */
    List<String> notes() {
        return notes;
    }

    /** Problems found while reading the configuration; each names what it concerns, never a secret. */
    List<String> problems() {
        return problems;
    }

    PipelineBuilder applyTo(PipelineBuilder builder) {
        settings.forEach(builder::set);
        producerProperties.forEach(builder::producerProperty);
        return builder;
    }
}
