package dev.kafkaspool.encoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

/**
 * The key-values and MDC entries of one event as members of one JSON object (ECS {@code labels},
 * Fluentd {@code attributes}), and the markers as an array. Trace context in the MDC is lifted into
 * a {@link TraceContext} (and, for ECS, {@code transaction.id}) instead of written, for the layout
 * to write under its own names. A name already written in the object gets a prefix, so no name
 * repeats. One per encoder, reused: <b>not thread-safe</b>.
 */
final class JsonEntries {
    private static final FieldVisitor<JsonEntries> KEY_VALUE = (name, value, s) -> s.entry(name, value, false);
    private static final FieldVisitor<JsonEntries> CONTEXT = (name, value, s) -> s.entry(name, value, true);
    private static final FieldVisitor<JsonEntries> MARKER = (name, value, s) -> s.marker(name);

    private final EventEncoder enc;
    private final TraceContext trace = new TraceContext();
    private final LabelKeys labelKeys = new LabelKeys();
    private final char[] hex = new char[32];
    private SerializableString objectName;
    private boolean open;
    private boolean ecs;
    private CharSequence transactionId;

    JsonEntries(EventEncoder enc) {
        this.enc = enc;
    }

    /**
     * Writes the entries into an object named {@code name}, opened only when there is one. With
     * {@code ecs}, keys are sanitised as ECS labels ({@code .}, {@code *}, {@code \} to {@code _}),
     * {@code trace_flags} stays an entry (ECS has no field for it) and {@code transaction.id} or
     * {@code transaction_id} is lifted. Returns the trace context found.
     */
    TraceContext writeObject(SerializableString name, LogEventView e, boolean ecs) throws IOException {
        this.ecs = ecs;
        trace.clear();
        transactionId = null;
        enc.resetNames();
        objectName = name;
        open = false;
        e.forEachKeyValue(KEY_VALUE, this);
        e.forEachContextEntry(CONTEXT, this);
        if (open) {
            enc.generator().writeEndObject();
        }
        return trace;
    }

    /** The {@code transaction.id} found by the last ECS {@link #writeObject}, or null. */
    CharSequence transactionId() {
        return transactionId;
    }

    /**
     * Writes the trace context found by the last {@link #writeObject} as top-level string fields
     * (lowercase hex), each only when found; {@code flagsName} may be null.
     */
    void writeTrace(SerializableString traceName, SerializableString spanName, SerializableString flagsName)
            throws IOException {
        JsonGenerator g = enc.generator();
        if (trace.hasTraceId()) {
            g.writeFieldName(traceName);
            g.writeString(hex, 0, trace.traceIdHex(hex));
        }
        if (trace.hasSpanId()) {
            g.writeFieldName(spanName);
            g.writeString(hex, 0, trace.spanIdHex(hex));
        }
        if (flagsName != null && trace.hasFlags()) {
            g.writeFieldName(flagsName);
            g.writeString(hex, 0, trace.flagsHex(hex));
        }
    }

    /** Writes the marker names as an array named {@code name}, when there are any. */
    void writeMarkers(SerializableString name, LogEventView e) throws IOException {
        objectName = name;
        open = false;
        e.forEachMarker(MARKER, this);
        if (open) {
            enc.generator().writeEndArray();
        }
    }

    private boolean lifted(String name, Object value) {
        if (ecs) {
            if (name.equals("transaction.id") || name.equals("transaction_id")) {
                if (transactionId == null && value instanceof CharSequence && ((CharSequence) value).length() > 0) {
                    transactionId = (CharSequence) value;
                    return true;
                }
                return false;
            }
            if (name.equals("trace_flags")) {
                return false;
            }
        }
        return trace.offer(name, value);
    }

    private void entry(String name, Object value, boolean context) {
        if (name == null || context && lifted(name, value)) {
            return;
        }
        try {
            JsonGenerator g = enc.generator();
            if (!open) {
                g.writeFieldName(objectName);
                g.writeStartObject();
                open = true;
            }
            String safe = BoundedText.safeName(name);
            String field = ecs ? labelKeys.sanitise(safe) : safe;
            if (!enc.reserveName(field)) {
                field = (ecs ? "mdc_" : "mdc.") + field;
                if (!enc.reserveName(field)) {
                    return; // both names taken: writing it would repeat a name in the object
                }
            }
            g.writeFieldName(field);
            writeValue(g, value);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void marker(String name) {
        try {
            JsonGenerator g = enc.generator();
            if (!open) {
                g.writeFieldName(objectName);
                g.writeStartArray();
                open = true;
            }
            enc.writeBoundedValue(name, enc.format().maxValueLength);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeValue(JsonGenerator g, Object value) throws IOException {
        int max = enc.format().maxValueLength;
        if (value == null) {
            g.writeNull();
        } else if (value instanceof CharSequence) {
            enc.writeBoundedValue((CharSequence) value, max);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(String.valueOf(d));
            }
        } else if (value instanceof BigDecimal) {
            g.writeNumber((BigDecimal) value);
        } else if (value instanceof BigInteger) {
            g.writeNumber((BigInteger) value);
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else {
            enc.writeBoundedValue(EventEncoder.safeToString(value), max);
        }
    }
}
