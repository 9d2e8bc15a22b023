package dev.kafkaspool.pod;

import java.util.function.Function;

/**
 * A reference inside an extra field's value: {@code ${env:NAME}} (an environment variable) or
 * {@code ${sys:name}} (a Java system property), optionally with a default after {@code :-}, as in
 * {@code ${env:CLUSTER:-eu-1}}. The default is used when the variable is unset or empty; it is taken
 * literally (no references inside it).
 */
final class Reference {
    private static final String ENV = "env";
    private static final String SYS = "sys";
    private static final String DEFAULT_SEPARATOR = ":-";

    private final String kind;
    private final String name;
    private final String defaultValue;

    private Reference(String kind, String name, String defaultValue) {
        this.kind = kind;
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /**
     * @param body the text between the braces of {@code ${...}}, backslash escapes still in it
     * @throws IllegalArgumentException when it is not {@code env:NAME} or {@code sys:name}, with an
     *     optional {@code :-default}
     */
    static Reference parse(String body) {
        int colon = indexOfUnescaped(body, ":", 0);
        if (colon < 0) {
            throw new IllegalArgumentException("${" + body + "} says neither env: nor sys:, as in ${env:"
                    + body + "}");
        }
        String kind = unescape(body.substring(0, colon)).trim();
        if (!kind.equals(ENV) && !kind.equals(SYS)) {
            throw new IllegalArgumentException("${" + body + "} looks up '" + kind
                    + "'; only env (environment variables) and sys (system properties) exist");
        }
        int separator = indexOfUnescaped(body, DEFAULT_SEPARATOR, colon + 1);
        String name = unescape(body.substring(colon + 1, separator < 0 ? body.length() : separator)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("${" + body + "} names no " + (kind.equals(ENV)
                    ? "environment variable" : "system property"));
        }
        String defaultValue = separator < 0 ? null
                : unescape(body.substring(separator + DEFAULT_SEPARATOR.length()));
        return new Reference(kind, name, defaultValue);
    }

    /**
     * The value, the default, or {@code null} when the variable is unset (or its lookup failed) and
     * there is no default.
     */
    String resolve(Function<String, String> environment, Function<String, String> systemProperties) {
        String value;
        try {
            value = (kind.equals(ENV) ? environment : systemProperties).apply(name);
        } catch (RuntimeException e) {
            value = null;
        }
        if (defaultValue != null && (value == null || value.isEmpty())) {
            return defaultValue;
        }
        return value;
    }

    @Override
    public String toString() {
        return "${" + kind + ":" + name + (defaultValue == null ? "" : DEFAULT_SEPARATOR + defaultValue) + "}";
    }

    private static int indexOfUnescaped(String text, String target, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(target, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
