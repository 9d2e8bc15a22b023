package dev.kafkaspool.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.kafkaspool.engine.StatusListener;

/**
 * Keeps every status message with its level, and the text of every exception the listener
 * receives ({@code toString()} of the cause and of each of its causes): all a status channel could
 * print, for checks that no secret reaches it.
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
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            everything.add("  cause: " + t);
        }
    }
}
