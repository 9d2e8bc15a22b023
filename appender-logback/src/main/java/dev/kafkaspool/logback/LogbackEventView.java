package dev.kafkaspool.logback;

import dev.kafkaspool.engine.LogLevel;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.LogEventView;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's {@link ILoggingEvent} as the encoder reads it, without copying: one view per logging
 * thread, pointed at each event in turn ({@link #wrap}) and cleared after the event is encoded.
 * Reading the event allocates nothing beyond what Logback allocates itself (the formatted message,
 * an iterator over the MDC), except for an event whose exception is no longer at hand (deserialized
 * events), whose exception is rebuilt from Logback's description of it.
 *
 * <p>Caller data is read only when the event already has it, or when {@code includeCallerData} asks
 * for it to be computed.
 *
 * <p><b>Not thread-safe:</b> each thread uses its own view.
 */
final class LogbackEventView implements LogEventView {

    private ILoggingEvent event;
    private boolean includeCallerData;

    /** Points this view at an event; {@link #clear()} when the event is encoded. */
    LogbackEventView wrap(ILoggingEvent event, boolean includeCallerData) {
        this.event = event;
        this.includeCallerData = includeCallerData;
        return this;
    }

    /** Lets go of the event. */
    void clear() {
        event = null;
    }

    @Override
    public long epochSecond() {
        Instant instant = event.getInstant();
        return instant != null ? instant.getEpochSecond() : Math.floorDiv(event.getTimeStamp(), 1000L);
    }

    @Override
    public int nanoOfSecond() {
        Instant instant = event.getInstant();
        return instant != null ? instant.getNano() : (int) Math.floorMod(event.getTimeStamp(), 1000L) * 1_000_000;
    }

    @Override
    public LogLevel level() {
        return LogbackLevels.of(event.getLevel());
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
        into.append(event.getFormattedMessage());
    }

    @Override
    public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            visitor.accept(entry.getKey(), entry.getValue(), state);
        }
    }

    @Override
    public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs == null) {
            return;
        }
        for (int i = 0, n = pairs.size(); i < n; i++) {
            KeyValuePair pair = pairs.get(i);
            if (pair != null) {
                visitor.accept(pair.key, pair.value, state);
            }
        }
    }

    @Override
    public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
        List<Marker> markers = event.getMarkerList();
        if (markers == null) {
            return;
        }
        for (int i = 0, n = markers.size(); i < n; i++) {
            visitMarker(markers.get(i), visitor, state, 0);
        }
    }

    /** The marker's name, then the names of the markers it refers to. */
    private static <S> void visitMarker(Marker marker, FieldVisitor<S> visitor, S state, int depth) {
        if (marker == null) {
            return;
        }
        visitor.accept(marker.getName(), null, state);
        if (depth < MAX_MARKER_DEPTH && marker.hasReferences()) {
            Iterator<Marker> references = marker.iterator();
            while (references.hasNext()) {
                visitMarker(references.next(), visitor, state, depth + 1);
            }
        }
    }

    @Override
    public Throwable thrown() {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return null;
        }
        if (proxy instanceof ThrowableProxy) {
            return ((ThrowableProxy) proxy).getThrowable();
        }
        return RebuiltThrowable.of(proxy);
    }

    @Override
    public StackTraceElement callerData() {
        if (!includeCallerData && !event.hasCallerData()) {
            return null;
        }
        StackTraceElement[] callerData = event.getCallerData();
        return callerData != null && callerData.length > 0 ? callerData[0] : null;
    }
}
