package dev.kafkaspool.encoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EventIds;

/**
 * Encodes log events into JSON records, on the logging thread, into reused buffers: in steady
 * state an event costs no allocation beyond what the framework's own accessors make. One encoder
 * per logging thread: <b>not thread-safe</b>.
 *
 * <p>Every record is valid JSON: strings are escaped by the generator (control characters as
 * {@code \\uXXXX}), long texts are cut with a visible marker, and an event whose data throws while
 * being read still becomes a record that says so.
 */
public final class EventEncoder {
    private static final JsonFactory FACTORY = newFactory();
    private static final String COLLISION_PREFIX = "mdc.";
    private static final FieldVisitor<EventEncoder> ENTRY_WRITER = (name, value, encoder) -> encoder.entry(name, value);
    private static final FieldVisitor<EventEncoder> MARKER_WRITER = (name, value, encoder) -> encoder.marker(name);

    private final ByteSink out = new ByteSink();
    private final EncodedEvent event = new EncodedEvent();
    private final StringBuilder text = new StringBuilder(256);
    private final BoundedText bounded = new BoundedText();
    private final Timestamps timestamps = new Timestamps();
    private final char[] scratch = new char[Math.max(Timestamps.MAX_LENGTH, EventIds.MAX_LENGTH) + 8];
    private final byte[] idBytes = new byte[EventIds.MAX_LENGTH];
    private final WrittenNames names = new WrittenNames();
    private final StackTraceText stackTraces = new StackTraceText();
    private final RecordKeys keys = new RecordKeys();
    private OtlpAttributes otlp;
    private JsonGenerator g;

    private RecordFormat format;
    private long instanceId;
    private long sequence;
    private SerializableString lazyName;
    private boolean lazyOpen;

    public EventEncoder() {
        g = newGenerator();
    }

    /**
     * Encodes one event. The returned carrier is this encoder's and is overwritten by the next call:
     * hand it to {@code SpoolEngine.submit} (which copies it) before encoding again.
     */
    public EncodedEvent encode(RecordFormat format, LogEventView e, long instanceId, long sequence) {
        this.format = format;
        this.instanceId = instanceId;
        this.sequence = sequence;
        out.reset();
        try {
            format.writer.writeRecord(this, e);
            g.flush();
        } catch (IOException | RuntimeException | LinkageError failure) {
            writeFallback(e, failure);
        }
        long millis = e.epochSecond() * 1000 + e.nanoOfSecond() / 1_000_000;
        event.sequence(sequence).timestampMillis(millis).level(e.level()).topic(format.topicFor(e.level()))
                .value(out.bytes(), out.size());
        keys.set(event, format, e);
        return event;
    }

    /**
     * Takes a value the framework's own encoder or layout made, instead of a built-in layout: the
     * record gets this value, and its topic, key, level and timestamp from the event as usual. The
     * returned carrier is overwritten by the next call, as with {@link #encode}.
     */
    public EncodedEvent wrap(RecordFormat format, LogEventView e, byte[] value, int length, long sequence) {
        this.format = format;
        this.sequence = sequence;
        long millis = e.epochSecond() * 1000 + e.nanoOfSecond() / 1_000_000;
        event.sequence(sequence).timestampMillis(millis).level(e.level()).topic(format.topicFor(e.level()))
                .value(value, length);
        keys.set(event, format, e);
        return event;
    }

    // ---- used by the layout writers ----

    JsonGenerator generator() {
        return g;
    }

    /** The record's buffer, for layouts that write bytes themselves rather than through the generator. */
    ByteSink sink() {
        return out;
    }

    /** {@code value} cut at {@code max} characters, lone surrogates replaced, in a reused buffer. */
    BoundedText bounded(CharSequence value, int max) {
        return bounded.set(value, max);
    }

    /** The writing of OTLP attributes, this encoder's; made when an OTLP layout first needs it. */
    OtlpAttributes otlpAttributes() {
        if (otlp == null) {
            otlp = new OtlpAttributes(this);
        }
        return otlp;
    }

    /** Writes the event id as ASCII into {@link #idBytes()}; returns its length. */
    int eventIdLength() {
        return EventIds.write(instanceId, sequence, idBytes, 0);
    }

    byte[] idBytes() {
        return idBytes;
    }

    RecordFormat format() {
        return format;
    }

    long sequence() {
        return sequence;
    }

    /** Writes the timestamp as ISO-8601 text. */
    void writeIsoTimestamp(SerializableString name, LogEventView e) throws IOException {
        int n = timestamps.format(e.epochSecond(), e.nanoOfSecond(), scratch);
        g.writeFieldName(name);
        g.writeString(scratch, 0, n);
    }

    /** Writes the timestamp as decimal nanoseconds since the epoch, in a string (OTLP JSON). */
    void writeEpochNanos(SerializableString name, LogEventView e) throws IOException {
        int n = Timestamps.formatEpochNanos(e.epochSecond(), e.nanoOfSecond(), scratch);
        g.writeFieldName(name);
        g.writeString(scratch, 0, n);
    }

    /** ISO-8601 timestamp into the text buffer, for layouts that build a line. */
    void appendIsoTimestamp(StringBuilder sb, LogEventView e) {
        int n = timestamps.format(e.epochSecond(), e.nanoOfSecond(), scratch);
        sb.append(scratch, 0, n);
    }

    void writeEventId(SerializableString name) throws IOException {
        int n = EventIds.write(instanceId, sequence, idBytes, 0);
        for (int i = 0; i < n; i++) {
            scratch[i] = (char) idBytes[i];
        }
        g.writeFieldName(name);
        g.writeString(scratch, 0, n);
    }

    /** Writes the formatted message, cut at the message limit. */
    void writeMessage(SerializableString name, LogEventView e) throws IOException {
        text.setLength(0);
        e.formatMessage(text);
        writeBounded(name, text, format.maxMessageLength);
    }

    /** A reusable text buffer for layouts that build a value. */
    StringBuilder text() {
        text.setLength(0);
        return text;
    }

    void writeBounded(SerializableString name, CharSequence value, int max) throws IOException {
        g.writeFieldName(name);
        writeBoundedValue(value, max);
    }

    private void writeBoundedValue(CharSequence value, int max) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        bounded.set(value, max);
        g.writeString(bounded.chars(), 0, bounded.length());
    }

    void writeStringIfKnown(SerializableString name, String value) throws IOException {
        if (value != null) {
            writeBounded(name, value, format.maxValueLength);
        }
    }

    /** Writes the exception's type, message and full stack trace under the given names. */
    void writeError(LogEventView e, SerializableString type, SerializableString message, SerializableString trace)
            throws IOException {
        Throwable t = e.thrown();
        if (t == null) {
            return;
        }
        g.writeFieldName(type);
        g.writeString(t.getClass().getName());
        String m = StackTraceText.messageOf(t);
        if (m != null) {
            writeBounded(message, m, format.maxValueLength);
        }
        StringBuilder sb = text();
        stackTraces.append(t, sb, format.maxStackTraceLength);
        writeBounded(trace, sb, format.maxStackTraceLength);
    }

    /** Writes stack traces into reused builders; the encoder's own. */
    StackTraceText stackTraces() {
        return stackTraces;
    }

    /** Starts remembering names written in the current object, e.g. the layout's own attributes. */
    void resetNames() {
        names.clear();
    }

    /** Records a name the layout writes itself, so no entry takes it; false when it was taken already. */
    boolean reserveName(String name) {
        return names.add(name);
    }

    /**
     * Writes the event's key-values and context entries as members of an object named {@code name},
     * opened only if there is at least one entry. A name already taken gets the {@code mdc.} prefix.
     */
    void writeEntriesObject(SerializableString name, LogEventView e) throws IOException {
        resetNames();
        lazyName = name;
        lazyOpen = false;
        writeEntries(e);
        if (lazyOpen) {
            g.writeEndObject();
        }
    }

    /** Writes the key-values and context entries into the object open now. */
    void writeEntriesInline(LogEventView e) {
        lazyName = null;
        lazyOpen = true;
        writeEntries(e);
    }

    private void writeEntries(LogEventView e) {
        e.forEachKeyValue(ENTRY_WRITER, this);
        e.forEachContextEntry(ENTRY_WRITER, this);
    }

    /** Writes the marker names as an array named {@code name}, when there are any. */
    void writeMarkers(SerializableString name, LogEventView e) throws IOException {
        lazyName = name;
        lazyOpen = false;
        e.forEachMarker(MARKER_WRITER, this);
        if (lazyOpen) {
            g.writeEndArray();
        }
    }

    private void entry(String name, Object value) {
        if (name == null) {
            return;
        }
        try {
            if (!lazyOpen) {
                g.writeFieldName(lazyName);
                g.writeStartObject();
                lazyOpen = true;
            }
            String safe = BoundedText.safeName(name);
            String field = safe;
            if (!names.add(safe)) {
                field = COLLISION_PREFIX + safe;
                if (!names.add(field)) {
                    return; // both names taken: writing it would repeat a name in the object
                }
            }
            g.writeFieldName(field);
            writeValue(value);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void marker(String name) {
        try {
            if (!lazyOpen) {
                g.writeFieldName(lazyName);
                g.writeStartArray();
                lazyOpen = true;
            }
            writeBoundedValue(name, format.maxValueLength);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String) {
            writeBoundedValue((String) value, format.maxValueLength);
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
        } else if (value instanceof CharSequence) {
            writeBoundedValue((CharSequence) value, format.maxValueLength);
        } else {
            writeBoundedValue(safeToString(value), format.maxValueLength);
        }
    }

    static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException | LinkageError e) {
            return value.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
        }
    }

    // ---- failure ----

    private void writeFallback(LogEventView e, Throwable failure) {
        g = newGenerator();
        out.reset();
        try {
            format.writer.writeFallback(this, e, failure);
            g.flush();
        } catch (IOException | RuntimeException again) {
            g = newGenerator();
            out.reset();
            byte[] minimal = format.writer.minimalRecord();
            out.write(minimal, 0, minimal.length);
        }
    }

    private static JsonFactory newFactory() {
        JsonFactory factory = new JsonFactory();
        factory.setRootValueSeparator(null);
        return factory;
    }

    private JsonGenerator newGenerator() {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
