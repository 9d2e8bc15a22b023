package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** A log event built by a test, as an appender's view would present it. */
class TestEvent implements LogEventView {
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

    TestEvent mdc(String k, String v) {
        mdc.put(k, v);
        return this;
    }

    TestEvent kv(String k, Object v) {
        keyValues.put(k, v);
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
        mdc.forEach((k, v) -> visitor.accept(k, v, state));
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        keyValues.forEach((k, v) -> visitor.accept(k, v, state));
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        for (String m : markers) {
            visitor.accept(m, null, state);
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
