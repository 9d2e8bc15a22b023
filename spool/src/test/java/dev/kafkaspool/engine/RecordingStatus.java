package dev.kafkaspool.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every status message with its level first ({@code INFO}, {@code WARN}, {@code ERROR}), for
 * assertions, and apart from them the text of every exception received with one, as a status
 * channel prints it (for checks that no secret reaches it); also prints each message, to help read
 * a failed test.
 */
public class RecordingStatus implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> everything = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        add("INFO " + message, null);
    }

    @Override
    public void warn(String message, Throwable cause) {
        add("WARN " + message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        add("ERROR " + message, cause);
    }

    private void add(String message, Throwable cause) {
        messages.add(message);
        everything.add(message);
        if (cause != null) {
            // As a status channel prints it: the stack trace with every cause and suppressed exception.
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            everything.add("  cause: " + trace);
        }
        System.out.println(message);
    }

    /** The messages, each with its level first. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** The warnings. */
    public List<String> warnings() {
        return messages.stream().filter(m -> m.startsWith("WARN ")).toList();
    }

    /** The warnings and errors. */
    public List<String> problems() {
        return messages.stream().filter(m -> !m.startsWith("INFO ")).toList();
    }

    /** The messages and the text of every exception received with them. */
    public List<String> everything() {
        return List.copyOf(everything);
    }

    /** Whether a message at {@code level} contains {@code text}. */
    public boolean anyContains(String level, String text) {
        return messages.stream().anyMatch(m -> m.startsWith(level) && m.contains(text));
    }
}
