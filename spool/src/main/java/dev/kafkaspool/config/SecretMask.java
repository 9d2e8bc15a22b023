package dev.kafkaspool.config;

import dev.kafkaspool.engine.StatusListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of secret producer properties ({@link ProducerSettings#isSecret}) wherever they
 * would reach the status channel: in a message, and in the text of an exception passed with one,
 * its causes and suppressed exceptions included, so a printed stack trace holds none either. Of a
 * JAAS configuration, the value of each option whose name says password, secret, token or
 * credential, and every word that is neither the login module's class, its control flag nor an
 * option, are hidden too: Kafka's message about a malformed one quotes the word it stumbled on,
 * which may be the password.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters and {@code true}/{@code false} are not
 * searched for: they would hide ordinary words of every message.
 *
 * <p><b>Immutable and thread-safe.</b>
 */
public final class SecretMask {
    static final int MIN_LENGTH = 4;
    private static final String HIDDEN = "[hidden]";
    /** How deep a chain of causes is copied; deeper ones are cut with a note. */
    private static final int MAX_DEPTH = 64;
    private static final Pattern JAAS_OPTION = Pattern.compile("([\\w.$-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|[^\\s;]+)");
    private static final Set<String> JAAS_FLAGS = Set.of("required", "requisite", "sufficient", "optional");

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The mask for the secrets among these producer properties. */
    public static SecretMask of(Map<String, ?> producerProperties) {
        List<String> secrets = new ArrayList<>();
        producerProperties.forEach((key, value) -> {
            if (value != null && ProducerSettings.isSecret(key)) {
                String text = value.toString();
                add(secrets, text);
                add(secrets, text.trim());
                if (key.toLowerCase(java.util.Locale.ROOT).contains("jaas")) {
                    addJaasWords(secrets, text);
                }
            }
        });
        // The longest first, so a secret that holds another is hidden whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMask(List.copyOf(secrets));
    }

    private static void add(List<String> secrets, String value) {
        if (value.length() >= MIN_LENGTH && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")
                && !secrets.contains(value)) {
            secrets.add(value);
        }
    }

    private static void addJaasWords(List<String> secrets, String jaas) {
        Matcher m = JAAS_OPTION.matcher(jaas);
        StringBuilder rest = new StringBuilder();
        int at = 0;
        while (m.find()) {
            if (ProducerSettings.isSecret(m.group(1))) {
                add(secrets, m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(2));
            }
            rest.append(jaas, at, m.start()).append(' ');
            at = m.end();
        }
        rest.append(jaas.substring(at));
        for (String word : rest.toString().split("[\\s;\"']+")) {
            // A login module's class has dots; a control flag is one of four words; anything else is hidden.
            if (!word.isEmpty() && !word.contains(".") && !JAAS_FLAGS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                add(secrets, word);
            }
        }
    }

    /** The text with every secret replaced by {@code [hidden]}. */
    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, HIDDEN);
            }
        }
        return out;
    }

    /**
     * The exception itself when no text in it holds a secret; otherwise a copy whose texts are
     * masked, with the same stack traces, causes and suppressed exceptions.
     */
    public Throwable apply(Throwable failure) {
        if (failure == null || secrets.isEmpty() || !holdsSecret(failure, new IdentityHashMap<>(), 0)) {
            return failure;
        }
        return copy(failure, new IdentityHashMap<>(), 0);
    }

    /** A status listener that masks every message and exception before passing them to {@code target}. */
    public StatusListener wrap(StatusListener target) {
        if (secrets.isEmpty()) {
            return target;
        }
        return new StatusListener() {
            @Override
            public void info(String message) {
                target.info(apply(message));
            }

            @Override
            public void warn(String message, Throwable cause) {
                target.warn(apply(message), apply(cause));
            }

            @Override
            public void error(String message, Throwable cause) {
                target.error(apply(message), apply(cause));
            }
        };
    }

    private boolean holdsSecret(Throwable failure, IdentityHashMap<Throwable, Boolean> seen, int depth) {
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            // Frameworks print the message apart from toString(): both are looked at.
            String text = textOf(t) + " " + safely(t::getMessage) + " " + safely(t::getLocalizedMessage);
            if (!apply(text).equals(text)) {
                return true;
            }
            if (depth < MAX_DEPTH) {
                for (Throwable s : t.getSuppressed()) {
                    if (holdsSecret(s, seen, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Throwable copy(Throwable t, IdentityHashMap<Throwable, Throwable> copies, int depth) {
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        MaskedException c = new MaskedException(depth > MAX_DEPTH ? "(" + MAX_DEPTH + " more causes left out)"
                : apply(textOf(t)));
        copies.put(t, c);
        c.setStackTrace(t.getStackTrace());
        if (depth > MAX_DEPTH) {
            return c;
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            c.initCause(copy(cause, copies, depth + 1));
        }
        for (Throwable s : t.getSuppressed()) {
            c.addSuppressed(copy(s, copies, depth + 1));
        }
        return c;
    }

    /** What {@code toString()} gives, or the class name and message when it throws. */
    private static String textOf(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException e) { // NOPMD: an exception whose toString throws is still reported
            String message = safely(t::getMessage);
            return t.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
        }
    }

    private static String safely(java.util.function.Supplier<String> text) {
        try {
            String s = text.get();
            return s == null ? "" : s;
        } catch (RuntimeException e) { // NOPMD: a message that cannot be had is left out
            return "";
        }
    }

    /** An exception's text with its secrets hidden; prints like the original (class name, then message). */
    static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
