package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EventIds;
import dev.kafkaspool.engine.SpoolEngine;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

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

    private final ByteSink out = new ByteSink();
    private final EncodedEvent event = new EncodedEvent();
    private StringBuilder text = new StringBuilder(256);
    private final BoundedText bounded = new BoundedText();
    private final AsciiBytes ascii = new AsciiBytes();
    private final RawJsonString raw = new RawJsonString(ascii);
    private final Timestamps timestamps = new Timestamps();
    private final char[] scratch = new char[Math.max(Timestamps.MAX_LENGTH, EventIds.MAX_LENGTH) + 8];
    private final byte[] idBytes = new byte[EventIds.MAX_LENGTH];
    private final WrittenNames names = new WrittenNames();
    private final StackTraceText stackTraces = new StackTraceText();
    private final RecordKeys keys = new RecordKeys();
    private final JsonEntries entries = new JsonEntries(this);
    private OtlpAttributes otlp;
    private JsonGenerator g;

    private RecordFormat format;
    private long instanceId;
    private long sequence;

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
        shrinkBuffers();
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

    /**
     * Lets go of the text buffers a large event grew (the record's own buffer lets go of itself on
     * reset), so that a thread that once logged a large event does not hold its size for good. A
     * typical event never grows them that far, so this allocates nothing in steady state.
     */
    private void shrinkBuffers() {
        if (text.capacity() > BoundedText.RETAINED) {
            text = new StringBuilder(256);
        }
        bounded.shrink();
    }

    /** The bytes and characters this encoder's buffers hold on to between events; for tests. */
    long retainedBufferSize() {
        return out.capacity() + 2L * (text.capacity() + bounded.capacity());
    }

    // ---- used by the layout writers ----

    JsonGenerator generator() {
        return g;
    }

    /** The record's buffer, for layouts that write bytes themselves rather than through the generator. */
    ByteSink sink() {
        return out;
    }

    /** Writes {@code value} cut at {@code max} characters as a protobuf string field (OTLP protobuf). */
    void writeProtoString(int field, CharSequence value, int max) {
        ProtoWire.string(out, field, bounded.set(value, max), ascii);
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

    /** Writes {@code value} cut at {@code max} characters, or null. */
    void writeBoundedValue(CharSequence value, int max) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        bounded.set(value, max);
        if (!raw.write(g, bounded.chars(), bounded.length())) {
            g.writeString(bounded.replaceLoneSurrogates().chars(), 0, bounded.length());
        }
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

    /** Writes entries, markers and trace context as JSON; this encoder's. */
    JsonEntries entries() {
        return entries;
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
