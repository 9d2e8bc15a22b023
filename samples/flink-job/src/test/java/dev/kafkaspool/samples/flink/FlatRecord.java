package dev.kafkaspool.samples.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON record as a flat map from the path of each value to its text: {@code {"kubernetes":
 * {"pod": {"name": "x"}}}} gives {@code kubernetes.pod.name = x}, and a field whose own name has
 * dots keeps them ({@code "log.logger"}). Arrays are kept as their JSON text. Strict: anything but
 * one JSON object fails.
 */
final class FlatRecord {
    private static final JsonFactory JSON = new JsonFactory();

    private FlatRecord() {
    }

    static Map<String, String> of(byte[] json) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            readObject(parser, "", fields);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static void readObject(JsonParser parser, String prefix, Map<String, String> fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readObject(parser, path + ".", fields);
            } else if (value == JsonToken.START_ARRAY) {
                StringBuilder text = new StringBuilder("[");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    text.append(text.length() > 1 ? "," : "").append(parser.getText());
                }
                fields.put(path, text.append(']').toString());
            } else {
                fields.put(path, parser.getText());
            }
        }
    }
}
