package dev.kafkaspool.pod;


import dev.kafkaspool.engine.StatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every status message, for assertions. */
public class RecordingStatus implements StatusListener {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        messages.add("INFO " + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        messages.add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        messages.add("ERROR " + message);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public List<String> warnings() {
        return messages.stream().filter(m -> m.startsWith("WARN ")).toList();
    }
}
