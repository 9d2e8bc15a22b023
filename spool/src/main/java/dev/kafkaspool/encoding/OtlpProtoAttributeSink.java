package dev.kafkaspool.encoding;

import static dev.kafkaspool.encoding.OtlpProtoLayoutWriter.ATTRIBUTES;
import static dev.kafkaspool.encoding.OtlpProtoLayoutWriter.KEY;
import static dev.kafkaspool.encoding.OtlpProtoLayoutWriter.STRING_VALUE;
import static dev.kafkaspool.encoding.OtlpProtoLayoutWriter.VALUE;
import static dev.kafkaspool.encoding.ProtoWire.close;
import static dev.kafkaspool.encoding.ProtoWire.open;

/**
 * An OTLP log record's attributes in protobuf binary: each a {@code KeyValue} (field 6 of
 * {@code LogRecord}) whose value is an {@code AnyValue}. Stateless.
 */
final class OtlpProtoAttributeSink implements OtlpAttributes.Sink {
    static final OtlpProtoAttributeSink INSTANCE = new OtlpProtoAttributeSink();

    // AnyValue, ArrayValue
    private static final int BOOL_VALUE = 2;
    private static final int INT_VALUE = 3;
    private static final int DOUBLE_VALUE = 4;
    private static final int ARRAY_VALUE = 5;
    private static final int ARRAY_VALUES = 1;
    /** The tag of {@code array_value} takes one byte: the array's mark is two bytes after the value's. */
    private static final int ARRAY_MARK_OFFSET = 2;

    private OtlpProtoAttributeSink() {
    }

    @Override
    public int begin(EventEncoder enc, String key) {
        ByteSink o = enc.sink();
        int kv = open(o, ATTRIBUTES);
        ProtoWire.string(o, KEY, key);
        return kv;
    }

    @Override
    public void string(EventEncoder enc, CharSequence value, int max) {
        boundedString(enc, VALUE, value, max);
    }

    /** {@code field} holding an {@code AnyValue} whose {@code stringValue} is {@code value}, cut at {@code max}. */
    private static void boundedString(EventEncoder enc, int field, CharSequence value, int max) {
        ByteSink o = enc.sink();
        int mark = open(o, field);
        enc.writeProtoString(STRING_VALUE, value, max);
        close(o, mark);
    }

    @Override
    public void qualifiedName(EventEncoder enc, String first, String second) {
        ByteSink o = enc.sink();
        int v = open(o, VALUE);
        int s = open(o, STRING_VALUE);
        ProtoWire.utf8(o, first, 0, first.length());
        o.write('.');
        ProtoWire.utf8(o, second, 0, second.length());
        close(o, s);
        close(o, v);
    }

    @Override
    public void eventId(EventEncoder enc) {
        ByteSink o = enc.sink();
        int v = open(o, VALUE);
        ProtoWire.bytes(o, STRING_VALUE, enc.idBytes(), 0, enc.eventIdLength());
        close(o, v);
    }

    @Override
    public void integer(EventEncoder enc, long value) {
        ByteSink o = enc.sink();
        ProtoWire.tag(o, VALUE, ProtoWire.LEN);
        ProtoWire.varint(o, 1 + ProtoWire.varintSize(value));
        ProtoWire.varintField(o, INT_VALUE, value);
    }

    @Override
    public void floating(EventEncoder enc, double value) {
        ByteSink o = enc.sink();
        ProtoWire.tag(o, VALUE, ProtoWire.LEN);
        ProtoWire.varint(o, 9);
        ProtoWire.fixed64(o, DOUBLE_VALUE, Double.doubleToRawLongBits(value));
    }

    @Override
    public void bool(EventEncoder enc, boolean value) {
        ByteSink o = enc.sink();
        ProtoWire.tag(o, VALUE, ProtoWire.LEN);
        ProtoWire.varint(o, 2);
        ProtoWire.varintField(o, BOOL_VALUE, value ? 1 : 0);
    }

    @Override
    public void empty(EventEncoder enc) {
        ByteSink o = enc.sink();
        ProtoWire.tag(o, VALUE, ProtoWire.LEN);
        ProtoWire.varint(o, 0);
    }

    @Override
    public int beginArray(EventEncoder enc) {
        ByteSink o = enc.sink();
        int v = open(o, VALUE);
        open(o, ARRAY_VALUE);
        return v;
    }

    @Override
    public void arrayString(EventEncoder enc, CharSequence value, int max) {
        boundedString(enc, ARRAY_VALUES, value, max);
    }

    @Override
    public void endArray(EventEncoder enc, int mark) {
        ByteSink o = enc.sink();
        close(o, mark + ARRAY_MARK_OFFSET);
        close(o, mark);
    }

    @Override
    public void end(EventEncoder enc, int mark) {
        close(enc.sink(), mark);
    }
}
