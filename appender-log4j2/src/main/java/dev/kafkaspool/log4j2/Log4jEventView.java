package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * A Log4j {@link LogEvent} seen as the engine's {@link LogEventView}, without copying: the adapter
 * points at the event for the duration of one append and reads it while the encoder asks.
 *
 * <p>Collections are visited through static callbacks that take this adapter as their state, so
 * reading an event allocates nothing for plain messages, the ThreadContext map and map messages.
 * Marker parents and a non-empty ThreadContext stack are read through Log4j calls that copy.
 *
 * <p><b>Not thread-safe:</b> one adapter per logging thread, reused for every event.
 */
final class Log4jEventView implements LogEventView {

    private static final TriConsumer<String, Object, Log4jEventView> VISIT_CONTEXT_ENTRY =
            (key, value, adapter) -> adapter.visitor.accept(key, value, adapter.visitorState);
    /** A map message's "message" entry is the event's message, not a field. */
    private static final TriConsumer<String, Object, Log4jEventView> VISIT_MESSAGE_FIELD = (key, value, adapter) -> {
        if (!"message".equals(key)) {
            adapter.visitor.accept(key, value, adapter.visitorState);
        }
    };

    private final boolean includeLocation;
    private LogEvent event;
    private FieldVisitor<Object> visitor;
    private Object visitorState;

    Log4jEventView(boolean includeLocation) {
        this.includeLocation = includeLocation;
    }

    /** Points the adapter at the event; call {@link #clear} when the append is done. */
    Log4jEventView wrap(LogEvent event) {
        this.event = event;
        return this;
    }

    /** Lets go of the event, which the framework may reuse. */
    void clear() {
        event = null;
        visitor = null;
        visitorState = null;
    }

    @Override
    public long epochSecond() {
        Instant instant = event.getInstant();
        return instant != null ? instant.getEpochSecond() : Math.floorDiv(event.getTimeMillis(), 1000L);
    }

    @Override
    public int nanoOfSecond() {
        Instant instant = event.getInstant();
        return instant != null ? instant.getNanoOfSecond() : (int) Math.floorMod(event.getTimeMillis(), 1000L) * 1_000_000;
    }

    @Override
    public LogLevel level() {
        return LevelMapping.toLogLevel(event.getLevel());
    }

    @Override
    public String loggerName() {
        return event.getLoggerName();
    }

    @Override
    public String threadName() {
        return event.getThreadName();
    }

    @Override
    public void formatMessage(StringBuilder into) {
        Message message = event.getMessage();
        if (message == null) {
            return;
        }
        if (message instanceof MapMessage) {
            String text = ((MapMessage<?, ?>) message).get("message");
            if (text != null) {
                into.append(text);
                return;
            }
        }
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(into);
        } else {
            into.append(message.getFormattedMessage());
        }
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null || data.isEmpty()) {
            return;
        }
        begin(visitor, state);
        data.forEach(VISIT_CONTEXT_ENTRY, this);
    }

    /** Fields of a {@link MapMessage} (and so of a {@code StructuredDataMessage}). */
    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        Message message = event.getMessage();
        if (!(message instanceof MapMessage)) {
            return;
        }
        begin(visitor, state);
        ((MapMessage<?, ?>) message).forEach(VISIT_MESSAGE_FIELD, this);
    }

    /** The marker, its parents, then the ThreadContext stack's entries, as tags. */
    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        Marker marker = event.getMarker();
        if (marker != null) {
            visitMarker(marker, visitor, state, 0);
        }
        ThreadContext.ContextStack stack = event.getContextStack();
        if (stack != null && stack.getDepth() > 0) {
            for (String entry : stack.asList()) {
                visitor.accept(entry, null, state);
            }
        }
    }

    private static <S> void visitMarker(Marker marker, FieldVisitor<S> visitor, S state, int depth) {
        visitor.accept(marker.getName(), null, state);
        if (depth < MAX_MARKER_DEPTH && marker.hasParents()) {
            for (Marker parent : marker.getParents()) {
                visitMarker(parent, visitor, state, depth + 1);
            }
        }
    }

    @Override
    public Throwable thrown() {
        return event.getThrown();
    }

    /** Caller data only when the appender asks for it; the event then computes it if it has not yet. */
    @Override
    public StackTraceElement callerData() {
        return includeLocation && event.isIncludeLocation() ? event.getSource() : null;
    }

    @SuppressWarnings("unchecked")
    private <S> void begin(FieldVisitor<S> visitor, S state) {
        this.visitor = (FieldVisitor<Object>) visitor;
        this.visitorState = state;
    }
}
