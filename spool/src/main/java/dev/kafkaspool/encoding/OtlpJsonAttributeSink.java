package dev.kafkaspool.encoding;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * An OTLP log record's attributes in OTLP JSON: each {@code {"key":..,"value":{"stringValue":..}}},
 * 64-bit integers as strings, a double that is not finite as {@code "NaN"}, {@code "Infinity"} or
 * {@code "-Infinity"}, as the protobuf JSON mapping has them. Stateless.
 */
final class OtlpJsonAttributeSink implements OtlpAttributes.Sink {
    static final OtlpJsonAttributeSink INSTANCE = new OtlpJsonAttributeSink();

    static final SerializedString STRING_VALUE = new SerializedString("stringValue");
    private static final SerializedString KEY = new SerializedString("key");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString INT_VALUE = new SerializedString("intValue");
    private static final SerializedString DOUBLE_VALUE = new SerializedString("doubleValue");
    private static final SerializedString BOOL_VALUE = new SerializedString("boolValue");
    private static final SerializedString ARRAY_VALUE = new SerializedString("arrayValue");
    private static final SerializedString VALUES = new SerializedString("values");

    private OtlpJsonAttributeSink() {
    }

    @Override
    public int begin(EventEncoder enc, String key) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeFieldName(KEY);
            g.writeString(key);
            g.writeFieldName(VALUE);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void string(EventEncoder enc, CharSequence value, int max) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            enc.writeBounded(STRING_VALUE, value, max);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void qualifiedName(EventEncoder enc, String first, String second) {
        StringBuilder sb = enc.text();
        sb.append(first).append('.').append(second);
        string(enc, sb, enc.format().maxValueLength);
    }

    @Override
    public void eventId(EventEncoder enc) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            enc.writeEventId(STRING_VALUE);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void integer(EventEncoder enc, long value) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeFieldName(INT_VALUE);
            char[] digits = enc.otlpAttributes().scratch();
            g.writeString(digits, 0, OtlpAttributes.decimal(value, digits));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void floating(EventEncoder enc, double value) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeFieldName(DOUBLE_VALUE);
            if (Double.isNaN(value)) {
                g.writeString("NaN");
            } else if (Double.isInfinite(value)) {
                g.writeString(value > 0 ? "Infinity" : "-Infinity");
            } else {
                g.writeNumber(value);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void bool(EventEncoder enc, boolean value) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeFieldName(BOOL_VALUE);
            g.writeBoolean(value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void empty(EventEncoder enc) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int beginArray(EventEncoder enc) {
        try {
            JsonGenerator g = enc.generator();
            g.writeStartObject();
            g.writeFieldName(ARRAY_VALUE);
            g.writeStartObject();
            g.writeFieldName(VALUES);
            g.writeStartArray();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void arrayString(EventEncoder enc, CharSequence value, int max) {
        string(enc, value, max);
    }

    @Override
    public void endArray(EventEncoder enc, int mark) {
        try {
            JsonGenerator g = enc.generator();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end(EventEncoder enc, int mark) {
        try {
            enc.generator().writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
