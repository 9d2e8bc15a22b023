package dev.kafkaspool.logback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back the {@code ${...}} references that are meant for the pipeline or for Kafka, not for
 * Logback. Logback resolves every {@code ${...}} in {@code logback.xml} when it reads the file and
 * writes one it does not know as {@code <name>_IS_UNDEFINED}. Two kinds are restored:
 * <ul>
 *   <li>the topic placeholders the pipeline resolves at start from the pod's metadata,
 *       {@code ${kubernetes.namespace}} and the others docs/configuration.md lists;</li>
 *   <li>in producer properties, references to Kafka's config providers,
 *       {@code ${provider:path:key}} (e.g. {@code ${file:/etc/kafka-secrets/kafka.properties:password}}),
 *       which the Kafka client resolves when it creates the producer, so the secret never passes
 *       through Logback or the status channel.</li>
 * </ul>
 * A Logback variable of the same name, when defined, wins, as it does everywhere in {@code logback.xml}.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class UndefinedVariables {
    private static final String UNDEFINED = "_IS_UNDEFINED";
    private static final String[] TOPIC_PLACEHOLDERS = {
        "kubernetes.namespace", "kubernetes.pod.name", "kubernetes.container.name", "kubernetes.node.name",
        "service.name",
    };
    /** A config provider reference as Logback leaves it: {@code provider:path:key_IS_UNDEFINED}. */
    private static final Pattern PROVIDER_REFERENCE =
            Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*:[^\\s\"'{}$]*?)" + UNDEFINED);

    /** A whole value that is one variable Logback could not resolve. */
    private static final Pattern WHOLE_VALUE = Pattern.compile("([A-Za-z0-9_.-]+)" + UNDEFINED);

    private UndefinedVariables() {
    }

    /**
     * The name of the variable when the whole value is one Logback could not resolve (as in
     * {@code <bootstrapServers>${KAFKA_BOOTSTRAP_SERVERS}</bootstrapServers>} without that variable),
     * or null.
     */
    static String wholeValueUndefined(String value) {
        if (value == null || !value.endsWith(UNDEFINED)) {
            return null;
        }
        Matcher m = WHOLE_VALUE.matcher(value.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** The topic template as written in the file, before Logback replaced its placeholders. */
    static String restoreTopic(String topic) {
        if (topic == null || !topic.contains(UNDEFINED)) {
            return topic;
        }
        String restored = topic;
        for (String name : TOPIC_PLACEHOLDERS) {
            restored = restored.replace(name + UNDEFINED, "${" + name + "}");
        }
        return restored;
    }

    /** The producer property's value as written in the file, with its config provider references. */
    static String restoreProducerValue(String value) {
        if (value == null || !value.contains(UNDEFINED)) {
            return value;
        }
        Matcher m = PROVIDER_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("${" + m.group(1) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
