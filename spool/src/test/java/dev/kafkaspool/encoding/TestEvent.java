package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * A log event built by a test, as an appender's view would present it: every field can be set, and
 * a test's own kind of event can extend it and compute a field instead (its thread, its message).
 * What is not set is that of an ordinary event: INFO from {@code com.example.OrderService} on an
 * HTTP thread at a fixed time, without context, key-values, markers, exception or caller.
 */
public class TestEvent implements LogEventView {
    long epochSecond = 1_795_250_096L; // 2026-11-21T08:34:56Z
    int nanos = 123_456_789;
    LogLevel level = LogLevel.INFO;
    String logger = "com.example.OrderService";
    String thread = "http-nio-8080-exec-1";
    String message = "order 42 accepted";
    final Map<String, String> mdc = new LinkedHashMap<>();
    final Map<String, Object> keyValues = new LinkedHashMap<>();
    final List<String> markers = new ArrayList<>();
    Throwable thrown;
    StackTraceElement caller;

    public TestEvent() {
    }

    public TestEvent(String message) {
        this.message = message;
    }

    /** The event's time: seconds since the epoch and nanoseconds within that second. */
    public TestEvent time(long epochSecond, int nanos) {
        this.epochSecond = epochSecond;
        this.nanos = nanos;
        return this;
    }

    public TestEvent level(LogLevel level) {
        this.level = level;
        return this;
    }

    public TestEvent logger(String logger) {
        this.logger = logger;
        return this;
    }

    public TestEvent thread(String thread) {
        this.thread = thread;
        return this;
    }

    public TestEvent message(String message) {
        this.message = message;
        return this;
    }

    /** Adds a context (MDC) entry. */
    public TestEvent mdc(String k, String v) {
        mdc.put(k, v);
        return this;
    }

    /** Adds a key-value pair. */
    public TestEvent kv(String k, Object v) {
        keyValues.put(k, v);
        return this;
    }

    public TestEvent thrown(Throwable thrown) {
        this.thrown = thrown;
        return this;
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanoOfSecond() {
        return nanos;
    }

    @Override
    public LogLevel level() {
        return level;
    }

    @Override
    public String loggerName() {
        return logger;
    }

    @Override
    public String threadName() {
        return thread;
    }

    @Override
    public void formatMessage(StringBuilder into) {
        into.append(message);
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
        if (!mdc.isEmpty()) {
            mdc.forEach((k, v) -> visitor.accept(k, v, state));
        }
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        if (!keyValues.isEmpty()) {
            keyValues.forEach((k, v) -> visitor.accept(k, v, state));
        }
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        for (int i = 0; i < markers.size(); i++) {
            visitor.accept(markers.get(i), null, state);
        }
    }

    @Override
    public Throwable thrown() {
        return thrown;
    }

    @Override
    public StackTraceElement callerData() {
        return caller;
    }
}
