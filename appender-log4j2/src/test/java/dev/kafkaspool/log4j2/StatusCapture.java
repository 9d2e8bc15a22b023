package dev.kafkaspool.log4j2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Every StatusLogger message, at every level, while registered. */
final class StatusCapture implements StatusListener {
    private final List<StatusData> messages = new ArrayList<>();
    private final AtomicBoolean registered = new AtomicBoolean(true);

    static StatusCapture register() {
        StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture);
        return capture;
    }

    @Override
    public synchronized void log(StatusData data) {
        messages.add(data);
    }

    @Override
    public Level getStatusLevel() {
        return Level.ALL;
    }

    /** Each message with its throwable's text, as a person reading the status output would see it. */
    synchronized List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (StatusData d : messages) {
            texts.add(d.getLevel() + " " + d.getMessage().getFormattedMessage()
                    + (d.getThrowable() == null ? "" : " " + d.getThrowable()));
        }
        return texts;
    }

    /** Messages at ERROR that contain all the given fragments. */
    synchronized List<String> errorsContaining(String... fragments) {
        return containing(Level.ERROR, fragments);
    }

    /** Messages at WARN exactly (a problem the appender works around) that contain all the fragments. */
    synchronized List<String> warningsContaining(String... fragments) {
        return containing(Level.WARN, fragments);
    }

    private List<String> containing(Level level, String... fragments) {
        List<String> found = new ArrayList<>();
        for (StatusData d : messages) {
            String text = d.getMessage().getFormattedMessage();
            boolean all = d.getLevel() == level;
            for (String f : fragments) {
                all &= text.contains(f);
            }
            if (all) {
                found.add(text);
            }
        }
        return found;
    }

    /** Unregisters; Log4j calls this again from {@code removeListener}, which is then a no-op. */
    @Override
    public void close() {
        if (registered.compareAndSet(true, false)) {
            StatusLogger.getLogger().removeListener(this);
        }
    }
}
