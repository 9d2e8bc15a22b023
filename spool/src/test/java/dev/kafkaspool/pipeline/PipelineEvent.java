package dev.kafkaspool.pipeline;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;

/** A plain log event as an appender's view would show it; {@link #duringFormat} runs inside the encoding. */
public class PipelineEvent implements LogEventView {
    final String message;
    Runnable duringFormat = () -> { };

    public PipelineEvent(String message) {
        this.message = message;
    }

    @Override
    public long epochSecond() {
        return 1_795_250_096L;
    }

    @Override
    public int nanoOfSecond() {
        return 0;
    }

    @Override
    public LogLevel level() {
        return LogLevel.INFO;
    }

    @Override
    public String loggerName() {
        return "com.example.Orders";
    }

    @Override
    public String threadName() {
        return Thread.currentThread().getName();
    }

    @Override
    public void formatMessage(StringBuilder into) {
        duringFormat.run();
        into.append(message);
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
    }

    @Override
    public Throwable thrown() {
        return null;
    }

    @Override
    public StackTraceElement callerData() {
        return null;
    }
}
