package dev.kafkaspool.logback;

/**
 * Keeps the topic placeholders ({@code ${kubernetes.namespace}} and the others the README lists)
 * through Logback's own variable substitution. Logback resolves every {@code ${...}} in
 * {@code logback.xml} when it reads the file, and writes one it does not know as
 * {@code <name>_IS_UNDEFINED}; for the placeholders the pipeline resolves itself, at start, from the
 * pod's metadata, this puts the placeholder back. A Logback property of the same name, when defined,
 * wins, as it does everywhere in {@code logback.xml}.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class TopicPlaceholders {
    private static final String UNDEFINED = "_IS_UNDEFINED";
    private static final String[] NAMES = {
        "kubernetes.namespace", "kubernetes.pod.name", "kubernetes.container.name", "kubernetes.node.name",
        "service.name",
    };

    private TopicPlaceholders() {
    }

    /** The topic template as written in the file, before Logback replaced its placeholders. */
    static String restore(String topic) {
        if (topic == null || !topic.contains(UNDEFINED)) {
            return topic;
        }
        String restored = topic;
        for (String name : NAMES) {
            restored = restored.replace(name + UNDEFINED, "${" + name + "}");
        }
        return restored;
    }
}
