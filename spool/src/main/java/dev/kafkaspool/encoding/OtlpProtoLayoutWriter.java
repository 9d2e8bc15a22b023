package dev.kafkaspool.encoding;

import static dev.kafkaspool.encoding.ProtoWire.close;
import static dev.kafkaspool.encoding.ProtoWire.open;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * OTLP in protobuf binary: each record is one {@code ExportLogsServiceRequest} with one resource
 * (the format's, encoded once), one scope (the logger) and one log record, as the OpenTelemetry
 * Collector's Kafka receiver reads it with {@code encoding: otlp_proto}. The log record's attributes
 * are {@link OtlpAttributes}'; the MDC's trace context becomes its trace id, span id and flags.
 * Written by hand into the encoder's buffer with {@link ProtoWire}: no protobuf runtime.
 */
final class OtlpProtoLayoutWriter implements LayoutWriter {
    static final OtlpProtoLayoutWriter INSTANCE = new OtlpProtoLayoutWriter();

    // ExportLogsServiceRequest, ResourceLogs, Resource, ScopeLogs, InstrumentationScope
    private static final int REQUEST_RESOURCE_LOGS = 1;
    private static final int RESOURCE_LOGS_RESOURCE = 1;
    private static final int RESOURCE_LOGS_SCOPE_LOGS = 2;
    private static final int RESOURCE_ATTRIBUTES = 1;
    private static final int SCOPE_LOGS_SCOPE = 1;
    private static final int SCOPE_LOGS_LOG_RECORDS = 2;
    private static final int SCOPE_NAME = 1;
    // LogRecord
    private static final int TIME_UNIX_NANO = 1;
    private static final int SEVERITY_NUMBER = 2;
    private static final int SEVERITY_TEXT = 3;
    private static final int BODY = 5;
    static final int ATTRIBUTES = 6;
    private static final int FLAGS = 8;
    private static final int TRACE_ID = 9;
    private static final int SPAN_ID = 10;
    private static final int OBSERVED_TIME_UNIX_NANO = 11;
    // KeyValue, AnyValue
    static final int KEY = 1;
    static final int VALUE = 2;
    static final int STRING_VALUE = 1;

    private static final byte[] MINIMAL = minimal();

    private OtlpProtoLayoutWriter() {
    }

    @Override
    public void writeRecord(EventEncoder enc, LogEventView e) {
        write(enc, e, null);
    }

    @Override
    public void writeFallback(EventEncoder enc, LogEventView e, Throwable failure) {
        write(enc, e, failure);
    }

    /** The request around one log record; {@code failure} set for the record of an unreadable event. */
    private static void write(EventEncoder enc, LogEventView e, Throwable failure) {
        ByteSink o = enc.sink();
        RecordFormat f = enc.format();
        int resourceLogs = open(o, REQUEST_RESOURCE_LOGS);
        o.write(f.staticBytes, 0, f.staticBytes.length);
        int scopeLogs = open(o, RESOURCE_LOGS_SCOPE_LOGS);
        String logger = e.loggerName();
        if (logger != null) {
            int scope = open(o, SCOPE_LOGS_SCOPE);
            enc.writeProtoString(SCOPE_NAME, logger, f.maxValueLength);
            close(o, scope);
        }
        int record = open(o, SCOPE_LOGS_LOG_RECORDS);
        long nanos = e.epochSecond() * 1_000_000_000L + e.nanoOfSecond();
        ProtoWire.fixed64(o, TIME_UNIX_NANO, nanos);
        ProtoWire.fixed64(o, OBSERVED_TIME_UNIX_NANO, nanos);
        ProtoWire.varintField(o, SEVERITY_NUMBER, Levels.severityNumber(e.level()));
        ProtoWire.string(o, SEVERITY_TEXT, Levels.name(e.level()));
        int body = open(o, BODY);
        StringBuilder message = enc.text();
        if (failure == null) {
            e.formatMessage(message);
        } else {
            message.append(FALLBACK_MESSAGE).append(failure.getClass().getName());
        }
        enc.writeProtoString(STRING_VALUE, message, f.maxMessageLength);
        close(o, body);
        OtlpAttributes attributes = enc.otlpAttributes();
        if (failure == null) {
            writeTraceContext(o, attributes.write(e, OtlpProtoAttributeSink.INSTANCE));
        } else {
            attributes.writeFallback(failure, OtlpProtoAttributeSink.INSTANCE);
        }
        close(o, record);
        close(o, scopeLogs);
        close(o, resourceLogs);
    }

    private static void writeTraceContext(ByteSink o, TraceContext trace) {
        if (trace.hasFlags()) {
            ProtoWire.fixed32(o, FLAGS, trace.flags());
        }
        if (trace.hasTraceId()) {
            ProtoWire.bytes(o, TRACE_ID, trace.traceId(), 0, trace.traceId().length);
        }
        if (trace.hasSpanId()) {
            ProtoWire.bytes(o, SPAN_ID, trace.spanId(), 0, trace.spanId().length);
        }
    }

    @Override
    public byte[] minimalRecord() {
        return MINIMAL.clone();
    }

    private static byte[] minimal() {
        ByteSink o = new ByteSink();
        int resourceLogs = open(o, REQUEST_RESOURCE_LOGS);
        int scopeLogs = open(o, RESOURCE_LOGS_SCOPE_LOGS);
        int record = open(o, SCOPE_LOGS_LOG_RECORDS);
        int body = open(o, BODY);
        ProtoWire.string(o, STRING_VALUE, "kafka-spool could not encode this event");
        close(o, body);
        close(o, record);
        close(o, scopeLogs);
        close(o, resourceLogs);
        return Arrays.copyOf(o.bytes(), o.size());
    }

    /** The resource, as the {@code resource} field of {@code ResourceLogs}. */
    @Override
    public byte[] staticBytes(RecordFormat f) {
        ByteSink o = new ByteSink();
        int resource = open(o, RESOURCE_LOGS_RESOURCE);
        for (Map.Entry<String, String> a : OtlpResource.attributes(f).entrySet()) {
            int kv = open(o, RESOURCE_ATTRIBUTES);
            ProtoWire.string(o, KEY, a.getKey());
            int v = open(o, VALUE);
            ProtoWire.string(o, STRING_VALUE, a.getValue());
            close(o, v);
            close(o, kv);
        }
        close(o, resource);
        return Arrays.copyOf(o.bytes(), o.size());
    }

    @Override
    public void writeEventFields(EventEncoder encoder, LogEventView event) {
        throw new UnsupportedOperationException("otlp_proto records are not JSON");
    }

    @Override
    public void writeStaticFields(JsonGenerator g, RecordFormat format) {
        // Not JSON: the resource is in staticBytes.
    }

    @Override
    public Set<String> reservedNames() {
        return OtlpResource.NAMES;
    }
}
