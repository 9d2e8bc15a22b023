package dev.kafkaspool.logback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.pipeline.LogPipeline;

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
        producerProperties.put(key.trim(), UndefinedVariables.restoreProducerValue(value.trim()));
    }

    /** Problems found while reading the configuration; each names what it concerns, never a value. */
    List<String> problems() {
        return problems;
    }

    LogPipeline.Builder applyTo(LogPipeline.Builder builder) {
        settings.forEach(builder::set);
        producerProperties.forEach(builder::producerProperty);
        return builder;
    }
}
