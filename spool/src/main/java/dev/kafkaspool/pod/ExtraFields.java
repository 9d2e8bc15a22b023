package dev.kafkaspool.pod;


import dev.kafkaspool.engine.StatusListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Static fields added to every event, from configuration: {@code team=payments,cluster=eu-1}.
 *
 * <ul>
 *   <li>Fields are separated by commas; a key and its value by the first {@code =}. Spaces around
 *       keys and values are ignored; empty fields (as after a trailing comma) are skipped.</li>
 *   <li>A backslash makes the next character literal: {@code \,} for a comma in a value,
 *       {@code \=} for an equals sign in a key, {@code \\} for a backslash, <code>\${</code> for a
 *       literal <code>${</code>, {@code \ } for a space kept at either end of a value.</li>
 *   <li>Values may hold references, resolved once when the metadata is read:
 *       {@code ${env:NAME}} (environment variable), {@code ${sys:name}} (Java system property), each
 *       with an optional default, {@code ${env:NAME:-default}}, used when the variable is unset or
 *       empty. A comma inside {@code ${...}} needs no escape. A reference without a default to an
 *       unset variable resolves to the empty text and is reported as a warning.</li>
 *   <li>Keys appear once and hold no references; fields keep their configured order.</li>
 * </ul>
 *
 * Immutable; {@link #toString()} gives the configured text.
 */
public final class ExtraFields {
    private static final ExtraFields NONE = new ExtraFields("", Map.of());

    private final String text;
    /** Key to value parts; each part is a literal {@code String} or a {@link Reference}. */
    private final Map<String, List<Object>> fields;

    private ExtraFields(String text, Map<String, List<Object>> fields) {
        this.text = text;
        this.fields = fields;
    }

    /** No extra fields. */
    public static ExtraFields none() {
        return NONE;
    }

    /**
     * Parses a comma-separated {@code key=value} list (see the class description).
     *
     * @throws IllegalArgumentException saying what is wrong: a field without {@code =} or key, a key
     *     given twice, a reference that is unterminated, nested, in a key, or not {@code env:} or
     *     {@code sys:}, a lone backslash at the end
     */
    public static ExtraFields parse(String text) {
        List<List<Token>> groups = split(Token.scan(text));
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        for (List<Token> group : groups) {
            List<Token> field = trim(group);
            if (field.isEmpty()) {
                continue;
            }
            int equals = indexOf(field, Token.EQUALS);
            if (equals < 0) {
                throw new IllegalArgumentException("'" + source(text, field) + "' has no '=' between key and value");
            }
            List<Token> keyTokens = trim(field.subList(0, equals));
            if (keyTokens.isEmpty()) {
                throw new IllegalArgumentException("'" + source(text, field) + "' has no key before '='");
            }
            String key = literal(keyTokens, text);
            if (fields.containsKey(key)) {
                throw new IllegalArgumentException("the key '" + key + "' is given twice");
            }
            fields.put(key, parts(trim(field.subList(equals + 1, field.size()))));
        }
        return fields.isEmpty() ? NONE : new ExtraFields(text, Collections.unmodifiableMap(fields));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /**
     * The fields with their references resolved, in configured order; immutable. Never throws: a
     * reference that cannot be resolved becomes empty text and is reported in one warning.
     *
     * @param environment looks up environment variables, usually {@code System::getenv}
     * @param systemProperties looks up system properties, usually {@code System::getProperty}
     */
    public Map<String, String> resolve(Function<String, String> environment,
            Function<String, String> systemProperties, StatusListener status) {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (Map.Entry<String, List<Object>> field : fields.entrySet()) {
            StringBuilder value = new StringBuilder();
            for (Object part : field.getValue()) {
                if (part instanceof Reference) {
                    String v = ((Reference) part).resolve(environment, systemProperties);
                    if (v == null) {
                        unresolved.add(part + " in '" + field.getKey() + "'");
                    } else {
                        value.append(v);
                    }
                } else {
                    value.append((String) part);
                }
            }
            resolved.put(field.getKey(), value.toString());
        }
        if (!unresolved.isEmpty()) {
            status.warn("pod metadata: extra fields refer to what is not set, which counts as empty: "
                    + String.join(", ", unresolved) + " (give a default with ${env:NAME:-default})", null);
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** The configured text. */
    @Override
    public String toString() {
        return text;
    }

    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> groups = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type == Token.COMMA) {
                groups.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        groups.add(current);
        return groups;
    }

    private static List<Token> trim(List<Token> tokens) {
        int from = 0;
        int to = tokens.size();
        while (from < to && tokens.get(from).isSpace()) {
            from++;
        }
        while (to > from && tokens.get(to - 1).isSpace()) {
            to--;
        }
        return tokens.subList(from, to);
    }

    private static int indexOf(List<Token> tokens, int type) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type == type) {
                return i;
            }
        }
        return -1;
    }

    private static String literal(List<Token> tokens, String text) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.type == Token.REFERENCE) {
                throw new IllegalArgumentException("the key '" + source(text, tokens)
                        + "' holds a reference; only values can");
            }
            sb.append(t.character);
        }
        return sb.toString();
    }

    private static List<Object> parts(List<Token> tokens) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (Token t : tokens) {
            if (t.type == Token.REFERENCE) {
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(t.reference);
            } else {
                literal.append(t.character);
            }
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return Collections.unmodifiableList(parts);
    }

    private static String source(String text, List<Token> tokens) {
        return text.substring(tokens.get(0).start, tokens.get(tokens.size() - 1).end);
    }

    /** One character, escaped or not, a separator, or a whole reference. */
    private static final class Token {
        static final int CHARACTER = 0;
        static final int ESCAPED = 1;
        static final int COMMA = 2;
        static final int EQUALS = 3;
        static final int REFERENCE = 4;

        final int type;
        final char character;
        final Reference reference;
        final int start;
        final int end;

        private Token(int type, char character, Reference reference, int start, int end) {
            this.type = type;
            this.character = character;
            this.reference = reference;
            this.start = start;
            this.end = end;
        }

        /** An unescaped space, which trimming removes. */
        boolean isSpace() {
            return type == CHARACTER && Character.isWhitespace(character);
        }

        static List<Token> scan(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (i + 1 == text.length()) {
                        throw new IllegalArgumentException("ends with a lone backslash; write \\\\ for a backslash");
                    }
                    tokens.add(new Token(ESCAPED, text.charAt(i + 1), null, i, i + 2));
                    i += 2;
                } else if (text.startsWith("${", i)) {
                    int close = closingBrace(text, i + 2);
                    tokens.add(new Token(REFERENCE, c, Reference.parse(text.substring(i + 2, close)), i, close + 1));
                    i = close + 1;
                } else {
                    int type = c == ',' ? COMMA : c == '=' ? EQUALS : CHARACTER;
                    tokens.add(new Token(type, c, null, i, i + 1));
                    i++;
                }
            }
            return tokens;
        }

        private static int closingBrace(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '}') {
                    return i;
                } else if (text.startsWith("${", i)) {
                    throw new IllegalArgumentException("'" + text.substring(from - 2) + "': a reference cannot "
                            + "hold another; the default after :- is taken literally");
                }
            }
            throw new IllegalArgumentException("'" + text.substring(from - 2) + "' has no closing '}'");
        }
    }
}
