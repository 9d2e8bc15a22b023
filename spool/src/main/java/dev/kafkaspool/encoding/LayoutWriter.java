package dev.kafkaspool.encoding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

/** Writes one layout's records. Stateless; one instance per layout. */
interface LayoutWriter {
    SerializedString FALLBACK_TIMESTAMP = new SerializedString("@timestamp");
    SerializedString FALLBACK_EVENT_ID = new SerializedString("event.id");
    /** The body of the record an event that cannot be read becomes, before the failure's type. */
    String FALLBACK_MESSAGE = "kafka-spool could not encode this event: ";

    /** The fields of one event, inside the record's object. */
    void writeEventFields(EventEncoder encoder, LogEventView event) throws IOException;

    /** The fields every record has with the same value; serialised once per {@link RecordFormat}. */
    void writeStaticFields(JsonGenerator g, RecordFormat format) throws IOException;

    /**
     * The fields every record has with the same value that a layout writes early in the record
     * (ECS: right after {@code message}); serialised once per {@link RecordFormat}. None by default.
     */
    default void writeHeadFields(JsonGenerator g, RecordFormat format) throws IOException {
    }

    /** The names, beside which extra fields are written, that the layout writes itself; extra fields may not take them. */
    Set<String> reservedNames();

    /**
     * The whole record: by default one JSON object with the event's fields, then the static fields.
     * A layout that writes bytes itself writes into {@link EventEncoder#sink()}.
     */
    default void writeRecord(EventEncoder encoder, LogEventView event) throws IOException {
        JsonGenerator g = encoder.generator();
        g.writeStartObject();
        writeEventFields(encoder, event);
        g.writeRaw(encoder.format().staticFields);
        g.writeEndObject();
    }

    /** The bytes every record has with the same value, for layouts that are not JSON; made once per format. */
    default byte[] staticBytes(RecordFormat format) {
        return new byte[0];
    }

    /**
     * The record of an event whose data threw while being read: when, its level, logger and id, and
     * the failure. By default a JSON object with ECS names.
     */
    default void writeFallback(EventEncoder encoder, LogEventView e, Throwable failure) throws IOException {
        JsonGenerator g = encoder.generator();
        g.writeStartObject();
        encoder.writeIsoTimestamp(FALLBACK_TIMESTAMP, e);
        g.writeStringField("log.level", String.valueOf(e.level()));
        if (e.loggerName() != null) {
            g.writeStringField("log.logger", e.loggerName());
        }
        encoder.writeEventId(FALLBACK_EVENT_ID);
        g.writeStringField("message", FALLBACK_MESSAGE + failure.getClass().getName());
        g.writeStringField("encoding.error", String.valueOf(StackTraceText.messageOf(failure)));
        g.writeEndObject();
    }

    /** The record when even the fallback record fails. */
    default byte[] minimalRecord() {
        return "{\"message\":\"kafka-spool could not encode this event\"}".getBytes(StandardCharsets.US_ASCII);
    }

    static LayoutWriter of(Layout layout) {
        switch (layout.canonical()) {
            case OTLP_JSON:
                return OtlpJsonLayoutWriter.INSTANCE;
            case OTLP_PROTO:
                return OtlpProtoLayoutWriter.INSTANCE;
            case FLUENTD:
                return FluentdLayoutWriter.INSTANCE;
            default:
                return EcsLayoutWriter.INSTANCE;
        }
    }
}
