package dev.kafkaspool.pipeline;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;

/**
 * A made-up event the pipeline encodes once while it starts, and never ships, so that the classes
 * the encoder and the record's layout need are loaded then, on the thread that configures the
 * framework, and not on the first logging thread inside its first log call. It carries one of
 * each part an event can have, an exception with a cause included.
 */
final class WarmUpEvent implements LogEventView {
    private final Throwable thrown = new IllegalStateException("warm-up", new RuntimeException("cause"));

    @Override
    public long epochSecond() {
        return 0;
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
        return "dev.kafkaspool.pipeline.WarmUp";
    }

    @Override
    public String threadName() {
        return "warm-up";
    }

    @Override
    public void formatMessage(StringBuilder into) {
        into.append("warm-up \u00e9v\u00e9nement \"quoted\"\n");
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
        visitor.accept("context", "value", state);
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        visitor.accept("count", 1, state);
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        visitor.accept("WARM_UP", null, state);
    }

    @Override
    public Throwable thrown() {
        return thrown;
    }

    @Override
    public StackTraceElement callerData() {
        return null;
    }
}
