package dev.kafkaspool.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every status message, for assertions; also prints them to help read a failed test. */
public final class RecordingStatus implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        add("INFO " + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        add("ERROR " + message);
    }

    private void add(String m) {
        messages.add(m);
        System.out.println(m);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public boolean anyContains(String level, String text) {
        return messages.stream().anyMatch(m -> m.startsWith(level) && m.contains(text));
    }
}
