package dev.kafkaspool.security;

import dev.kafkaspool.engine.StatusListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * Keeps every status message with its level, and every exception the listener receives as a status
 * channel prints it (stack trace, causes, suppressed exceptions): all a status channel could print,
 * for checks that no secret reaches it.
 */
final class StatusTranscript implements StatusListener {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> everything = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        record("INFO " + message, null);
    }

    @Override
    public void warn(String message, Throwable cause) {
        record("WARN " + message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        record("ERROR " + message, cause);
    }

    /** The messages, each with its level first ({@code INFO}, {@code WARN}, {@code ERROR}). */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The warnings and errors. */
    List<String> problems() {
        return messages.stream().filter(m -> !m.startsWith("INFO ")).toList();
    }

    /** The messages and the text of every exception received with them. */
    List<String> everything() {
        return List.copyOf(everything);
    }

    private void record(String message, Throwable cause) {
        messages.add(message);
        everything.add(message);
        if (cause != null) {
            // As a status channel prints it: the stack trace with every cause and suppressed exception.
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            everything.add("  cause: " + trace);
        }
    }
}
