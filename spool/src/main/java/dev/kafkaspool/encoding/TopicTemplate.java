package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.shipping.TopicNames;
import java.util.Map;


/**
 * A topic name with placeholders resolved once at start from the pod's metadata, e.g.
 * {@code logs.{kubernetes.namespace}}: one topic per namespace, so each team reads only its own.
 * A placeholder is written {@code {name}} or {@code ${name}}; configuration files of Logback and
 * Log4j resolve {@code ${...}} themselves, so {@code {name}} is the form to use there.
 * Characters Kafka does not allow in topic names are replaced by {@code _}.
 */
final class TopicTemplate {
    /** Kafka's limit on a topic name's length. */

    private TopicTemplate() {
    }

    /**
     * Resolves the placeholders and makes the name legal.
     *
     * @param values the placeholder values; a missing or empty one resolves to {@code unknown}
     * @param problems receives a note for every change made
     * @throws IllegalArgumentException when no usable name is left or a placeholder is unknown
     */
    static String resolve(String template, Map<String, String> values, java.util.List<String> problems) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int brace = template.indexOf('{', i);
            if (brace < 0) {
                out.append(template, i, template.length());
                break;
            }
            int start = brace > i && template.charAt(brace - 1) == '$' ? brace - 1 : brace;
            out.append(template, i, start);
            int end = template.indexOf('}', brace);
            if (end < 0) {
                throw new IllegalArgumentException("topic '" + template + "' has an unclosed {");
            }
            String name = template.substring(brace + 1, end).trim();
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("topic '" + template + "' uses the unknown placeholder {" + name
                        + "}; known: " + String.join(", ", values.keySet()));
            }
            String value = values.get(name);
            if (value == null || value.isEmpty()) {
                problems.add("topic placeholder {" + name + "} has no value here; it becomes 'unknown'");
                value = "unknown";
            }
            out.append(value);
            i = end + 1;
        }
        String raw = out.toString();
        StringBuilder legal = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            legal.append(TopicNames.isLegal(c) ? c : '_');
        }
        String name = legal.toString();
        if (name.length() > TopicNames.MAX_LENGTH) {
            name = name.substring(0, TopicNames.MAX_LENGTH);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("topic '" + template + "' resolves to '" + raw
                    + "', which Kafka does not accept as a topic name");
        }
        if (!name.equals(raw)) {
            problems.add("topic '" + raw + "' has characters or a length Kafka does not allow; using '" + name + "'");
        }
        return name;
    }
}
