package dev.kafkaspool.samples.alerts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A log record in the {@code ecs} layout, read into dotted field names: nested objects and
 * dotted names come out the same ({@code "kubernetes":{"pod":{"name":..}}} and
 * {@code "kubernetes.pod.name"} are both {@code kubernetes.pod.name}).
 */
final class EcsRecord {
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, String> fields;

    private EcsRecord(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Parses one record; a value that is not a JSON object gives an empty record. */
    static EcsRecord parse(byte[] value) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                read(p, "", fields);
            }
        } catch (IOException e) {
            fields.clear();
        }
        return new EcsRecord(fields);
    }

    private static void read(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                read(p, name + ".", out);
            } else if (t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (t != JsonToken.VALUE_NULL) {
                out.put(name, p.getText());
            }
        }
    }

    /** The field's text, or null. */
    String get(String name) {
        return fields.get(name);
    }
}
