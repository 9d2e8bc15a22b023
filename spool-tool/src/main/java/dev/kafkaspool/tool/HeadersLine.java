package dev.kafkaspool.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One line of {@code print --headers}: {@code {"eventId":..,"timestamp":..,"level":..,"topic":..,
 * "key":..,"value":<the record as is>}} in UTF-8, written by Jackson's generator. A character that
 * is no valid Unicode on its own (a lone surrogate) is written as a {@code \u005CuXXXX} escape, so the
 * line is valid JSON that keeps the text. <b>Thread-safe</b>: stateless.
 */
final class HeadersLine {
    private static final JsonFactory JSON = new JsonFactory();

    private HeadersLine() {
    }

    /** The line without its line break; {@code key} may be null, {@code value} is the record's JSON text. */
    static byte[] of(String eventId, String timestamp, String level, String topic, String key, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", eventId);
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("level", level);
            g.writeStringField("topic", topic);
            g.writeStringField("key", key);
            g.writeFieldName("value");
            g.writeRawValue(value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
