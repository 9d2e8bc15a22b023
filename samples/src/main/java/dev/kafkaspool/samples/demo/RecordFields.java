package dev.kafkaspool.samples.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's fields by dotted name: {@code "kubernetes":{"pod":{"name":..}}} and
 * {@code "kubernetes.pod.name"} both read as {@code kubernetes.pod.name}. Arrays are left out.
 */
public final class RecordFields {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> fields;
    private final byte[] value;

    private RecordFields(Map<String, String> fields, byte[] value) {
        this.fields = fields;
        this.value = value;
    }

    /** Reads a record's value; one that is not a JSON object has no fields. */
    static RecordFields parse(byte[] value) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                read(parser, "", fields);
            }
        } catch (IOException e) {
            fields.clear();
        }
        return new RecordFields(fields, value);
    }

    private static void read(JsonParser parser, String prefix, Map<String, String> out) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                read(parser, name + ".", out);
            } else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                out.put(name, parser.getText());
            }
        }
    }

    /** The field's text, or null when the record does not have it. */
    public String get(String name) {
        return fields.get(name);
    }

    /** The record's value as it arrived. */
    byte[] value() {
        return value.clone();
    }
}
