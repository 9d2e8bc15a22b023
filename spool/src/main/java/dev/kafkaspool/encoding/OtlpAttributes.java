package dev.kafkaspool.encoding;

/**
 * The attributes of an OTLP log record, for both OTLP layouts: the event id and sequence, thread,
 * caller ({@code code.*}), markers, exception ({@code exception.*}), then the key-values and the MDC.
 * An entry whose name is taken already is written as {@code mdc.<name>}; the MDC's trace context is
 * lifted into a {@link TraceContext} instead of written. The bytes or JSON come from a {@link Sink}.
 * One per encoder, reused: <b>not thread-safe</b>.
 */
final class OtlpAttributes {
    private static final String[] OWN = {"log.record.uid", "log.record.sequence", "thread.name",
        "code.function.name", "code.file.path", "code.line.number", "log.markers", "exception.type",
        "exception.message", "exception.stacktrace", "encoding.error"};
    private static final FieldVisitor<OtlpAttributes> KEY_VALUE = (name, value, a) -> a.entry(name, value, false);
    private static final FieldVisitor<OtlpAttributes> CONTEXT = (name, value, a) -> a.entry(name, value, true);
    private static final FieldVisitor<OtlpAttributes> MARKER = (name, value, a) -> a.marker(name);

    /** How one layout writes an attribute: a key, then exactly one value, then {@link #end}. */
    interface Sink {
        /** Starts the attribute {@code key}; returns a mark for {@link #end}. */
        int begin(EventEncoder enc, String key);

        void string(EventEncoder enc, CharSequence value, int max);

        /** A string value {@code first.second}, without building it. */
        void qualifiedName(EventEncoder enc, String first, String second);

        /** A string value: the event id. */
        void eventId(EventEncoder enc);

        void integer(EventEncoder enc, long value);

        void floating(EventEncoder enc, double value);

        void bool(EventEncoder enc, boolean value);

        /** A value with nothing set, for a null. */
        void empty(EventEncoder enc);

        /** Starts an array of strings as the value; returns a mark for {@link #endArray}. */
        int beginArray(EventEncoder enc);

        void arrayString(EventEncoder enc, CharSequence value, int max);

        void endArray(EventEncoder enc, int mark);

        void end(EventEncoder enc, int mark);
    }

    private final EventEncoder enc;
    private final TraceContext trace = new TraceContext();
    private final char[] scratch = new char[32];
    private Sink sink;
    private int markersKey = -1;
    private int markersArray;

    OtlpAttributes(EventEncoder enc) {
        this.enc = enc;
    }

    /** Writes every attribute of {@code e}; returns the trace context found in its MDC. */
    TraceContext write(LogEventView e, Sink out) {
        start(out);
        int max = enc.format().maxValueLength;
        int uid = sink.begin(enc, "log.record.uid");
        sink.eventId(enc);
        sink.end(enc, uid);
        sink.end(enc, integer("log.record.sequence", enc.sequence()));
        String thread = e.threadName();
        if (thread != null) {
            int m = sink.begin(enc, "thread.name");
            sink.string(enc, thread, max);
            sink.end(enc, m);
        }
        StackTraceElement caller = e.callerData();
        if (caller != null) {
            int m = sink.begin(enc, "code.function.name");
            sink.qualifiedName(enc, caller.getClassName(), caller.getMethodName());
            sink.end(enc, m);
            if (caller.getFileName() != null) {
                m = sink.begin(enc, "code.file.path");
                sink.string(enc, caller.getFileName(), max);
                sink.end(enc, m);
            }
            sink.end(enc, integer("code.line.number", caller.getLineNumber()));
        }
        markersKey = -1;
        e.forEachMarker(MARKER, this);
        if (markersKey >= 0) {
            sink.endArray(enc, markersArray);
            sink.end(enc, markersKey);
        }
        writeException(e.thrown());
        e.forEachKeyValue(KEY_VALUE, this);
        e.forEachContextEntry(CONTEXT, this);
        return trace;
    }

    /** The attributes of the record an unreadable event becomes: its id and what failed. */
    void writeFallback(Throwable failure, Sink out) {
        start(out);
        int m = sink.begin(enc, "log.record.uid");
        sink.eventId(enc);
        sink.end(enc, m);
        m = sink.begin(enc, "encoding.error");
        sink.string(enc, String.valueOf(StackTraceText.messageOf(failure)), enc.format().maxValueLength);
        sink.end(enc, m);
    }

    /** A reused buffer of 32 characters, for hex ids and decimal numbers. */
    char[] scratch() {
        return scratch;
    }

    /** Writes {@code value} in decimal into {@code out} (20 characters at least); returns the length. */
    static int decimal(long value, char[] out) {
        if (value == Long.MIN_VALUE) {
            "-9223372036854775808".getChars(0, 20, out, 0);
            return 20;
        }
        int len = 0;
        long v = Math.abs(value);
        do {
            out[len++] = (char) ('0' + (int) (v % 10));
            v /= 10;
        } while (v > 0);
        if (value < 0) {
            out[len++] = '-';
        }
        for (int i = 0, j = len - 1; i < j; i++, j--) {
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return len;
    }

    private void start(Sink out) {
        sink = out;
        trace.clear();
        enc.resetNames();
        for (String own : OWN) {
            enc.reserveName(own);
        }
    }

    private int integer(String key, long value) {
        int m = sink.begin(enc, key);
        sink.integer(enc, value);
        return m;
    }

    private void writeException(Throwable t) {
        if (t == null) {
            return;
        }
        RecordFormat f = enc.format();
        int m = sink.begin(enc, "exception.type");
        sink.string(enc, t.getClass().getName(), f.maxValueLength);
        sink.end(enc, m);
        String message = StackTraceText.messageOf(t);
        if (message != null) {
            m = sink.begin(enc, "exception.message");
            sink.string(enc, message, f.maxValueLength);
            sink.end(enc, m);
        }
        StringBuilder sb = enc.text();
        enc.stackTraces().append(t, sb, f.maxStackTraceLength);
        m = sink.begin(enc, "exception.stacktrace");
        sink.string(enc, sb, f.maxStackTraceLength);
        sink.end(enc, m);
    }

    private void marker(String name) {
        if (markersKey < 0) {
            markersKey = sink.begin(enc, "log.markers");
            markersArray = sink.beginArray(enc);
        }
        sink.arrayString(enc, name == null ? "null" : name, enc.format().maxValueLength);
    }

    private void entry(String name, Object value, boolean context) {
        if (name == null || context && trace.offer(name, value)) {
            return;
        }
        String field = BoundedText.safeName(name);
        if (!enc.reserveName(field)) {
            field = "mdc." + field;
            if (!enc.reserveName(field)) {
                return; // both names taken: an attribute key must not repeat
            }
        }
        int m = sink.begin(enc, field);
        value(value);
        sink.end(enc, m);
    }

    private void value(Object value) {
        int max = enc.format().maxValueLength;
        if (value == null) {
            sink.empty(enc);
        } else if (value instanceof CharSequence) {
            sink.string(enc, (CharSequence) value, max);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            sink.integer(enc, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            sink.floating(enc, ((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            sink.bool(enc, (Boolean) value);
        } else {
            sink.string(enc, EventEncoder.safeToString(value), max);
        }
    }
}
