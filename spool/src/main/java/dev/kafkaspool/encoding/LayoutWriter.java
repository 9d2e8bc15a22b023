package dev.kafkaspool.encoding;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one layout's fields. Stateless; one instance per layout. */
interface LayoutWriter {

    /** The fields of one event, inside the record's object. */
    void writeEventFields(EventEncoder encoder, LogEventView event) throws IOException;

    /** The fields every record has with the same value; serialised once per {@link RecordFormat}. */
    void writeStaticFields(JsonGenerator g, RecordFormat format) throws IOException;

    /** The names, beside which extra fields are written, that the layout writes itself; extra fields may not take them. */
    Set<String> reservedNames();

    static LayoutWriter of(Layout layout) {
        switch (layout) {
            case OTEL:
                return OtelLayoutWriter.INSTANCE;
            case FLUENTD:
                return FluentdLayoutWriter.INSTANCE;
            default:
                return EcsLayoutWriter.INSTANCE;
        }
    }
}
