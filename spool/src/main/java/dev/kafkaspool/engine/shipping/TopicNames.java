package dev.kafkaspool.engine.shipping;

/**
 * Kafka's rule for topic names: 1 to 249 characters of {@code a-z A-Z 0-9 . _ -}, not {@code .}
 * or {@code ..}. A broker that does not create topics answers for another name only that the topic
 * does not exist; the engine drops such records at once ({@code invalidTopic}) rather than wait for
 * a topic that can never exist. Such names also make safe directory names.
 */
public final class TopicNames {
    /** The longest topic name Kafka accepts. */
    public static final int MAX_LENGTH = 249;

    private TopicNames() {
    }

    /** A character Kafka allows in a topic name. */
    public static boolean isLegal(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-';
    }

    public static boolean isValid(String topic) {
        int n = topic == null ? 0 : topic.length();
        if (n == 0 || n > MAX_LENGTH || topic.equals(".") || topic.equals("..")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isLegal(topic.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
