package dev.kafkaspool.encoding;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * OTLP in JSON: each record is one {@code ExportLogsServiceRequest} in OTLP's JSON encoding (the
 * protobuf JSON mapping with lowerCamelCase names, 64-bit integers as strings, the severity number
 * as an integer, trace and span ids as hex), as the OpenTelemetry Collector's Kafka receiver reads it
 * with {@code encoding: otlp_json}. Same content as {@link OtlpProtoLayoutWriter}; the resource,
 * serialised once, comes after {@code scopeLogs} in its object.
 */
final class OtlpJsonLayoutWriter implements LayoutWriter {
    static final OtlpJsonLayoutWriter INSTANCE = new OtlpJsonLayoutWriter();

    private static final SerializedString RESOURCE_LOGS = new SerializedString("resourceLogs");
    private static final SerializedString SCOPE_LOGS = new SerializedString("scopeLogs");
    private static final SerializedString SCOPE = new SerializedString("scope");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString LOG_RECORDS = new SerializedString("logRecords");
    private static final SerializedString TIME = new SerializedString("timeUnixNano");
    private static final SerializedString OBSERVED_TIME = new SerializedString("observedTimeUnixNano");
    private static final SerializedString SEVERITY_NUMBER = new SerializedString("severityNumber");
    private static final SerializedString SEVERITY_TEXT = new SerializedString("severityText");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString FLAGS = new SerializedString("flags");
    private static final SerializedString TRACE_ID = new SerializedString("traceId");
    private static final SerializedString SPAN_ID = new SerializedString("spanId");

    private OtlpJsonLayoutWriter() {
    }

    @Override
    public void writeRecord(EventEncoder enc, LogEventView e) throws IOException {
        write(enc, e, null);
    }

    @Override
    public void writeFallback(EventEncoder enc, LogEventView e, Throwable failure) throws IOException {
        write(enc, e, failure);
    }

    /** The request around one log record; {@code failure} set for the record of an unreadable event. */
    private static void write(EventEncoder enc, LogEventView e, Throwable failure) throws IOException {
        JsonGenerator g = enc.generator();
        g.writeStartObject();
        g.writeFieldName(RESOURCE_LOGS);
        g.writeStartArray();
        g.writeStartObject();
        g.writeFieldName(SCOPE_LOGS);
        g.writeStartArray();
        g.writeStartObject();
        String logger = e.loggerName();
        if (logger != null) {
            g.writeFieldName(SCOPE);
            g.writeStartObject();
            enc.writeBounded(NAME, logger, enc.format().maxValueLength);
            g.writeEndObject();
        }
        g.writeFieldName(LOG_RECORDS);
        g.writeStartArray();
        g.writeStartObject();
        enc.writeEpochNanos(TIME, e);
        enc.writeEpochNanos(OBSERVED_TIME, e);
        g.writeFieldName(SEVERITY_NUMBER);
        g.writeNumber(Levels.severityNumber(e.level()));
        g.writeFieldName(SEVERITY_TEXT);
        g.writeString(Levels.name(e.level()));
        g.writeFieldName(BODY);
        g.writeStartObject();
        if (failure == null) {
            enc.writeMessage(OtlpJsonAttributeSink.STRING_VALUE, e);
        } else {
            g.writeFieldName(OtlpJsonAttributeSink.STRING_VALUE);
            g.writeString(FALLBACK_MESSAGE + failure.getClass().getName());
        }
        g.writeEndObject();
        g.writeFieldName(ATTRIBUTES);
        g.writeStartArray();
        OtlpAttributes attributes = enc.otlpAttributes();
        if (failure == null) {
            TraceContext trace = attributes.write(e, OtlpJsonAttributeSink.INSTANCE);
            g.writeEndArray();
            writeTraceContext(enc, g, trace);
        } else {
            attributes.writeFallback(failure, OtlpJsonAttributeSink.INSTANCE);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeRaw(enc.format().staticFields);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTraceContext(EventEncoder enc, JsonGenerator g, TraceContext trace) throws IOException {
        if (trace.hasFlags()) {
            g.writeFieldName(FLAGS);
            g.writeNumber(trace.flags());
        }
        char[] hex = enc.otlpAttributes().scratch();
        if (trace.hasTraceId()) {
            g.writeFieldName(TRACE_ID);
            g.writeString(hex, 0, trace.traceIdHex(hex));
        }
        if (trace.hasSpanId()) {
            g.writeFieldName(SPAN_ID);
            g.writeString(hex, 0, trace.spanIdHex(hex));
        }
    }

    /** The resource: {@code "resource":{"attributes":[...]}}. */
    @Override
    public void writeStaticFields(JsonGenerator g, RecordFormat f) throws IOException {
        Map<String, String> attributes = OtlpResource.attributes(f);
        if (attributes.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("resource");
        g.writeArrayFieldStart("attributes");
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            g.writeStartObject();
            g.writeStringField("key", a.getKey());
            g.writeObjectFieldStart("value");
            g.writeStringField("stringValue", a.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    @Override
    public byte[] minimalRecord() {
        return ("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":"
                + "\"kafka-spool could not encode this event\"}}]}]}]}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void writeEventFields(EventEncoder encoder, LogEventView event) {
        throw new UnsupportedOperationException("otlp_json writes the whole request in writeRecord");
    }

    @Override
    public Set<String> reservedNames() {
        return OtlpResource.NAMES;
    }
}
