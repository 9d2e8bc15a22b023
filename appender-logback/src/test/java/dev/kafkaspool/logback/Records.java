package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Parses records strictly (one JSON object, no duplicate names) into flat maps of paths to values. */
final class Records {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Records() {
    }

    /** {@code kubernetes/pod/name} to its value; arrays as {@code [a,b]}. */
    static Map<String, Object> parse(ConsumerRecord<byte[], byte[]> record) {
        return parse(new String(record.value(), StandardCharsets.UTF_8));
    }

    static Map<String, Object> parse(String json) {
        return parse(json, "/");
    }

    /** As {@link #parse(String)}, with {@code separator} between the names of a path. */
    static Map<String, Object> parse(String json, String separator) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = STRICT.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), json);
            readObject(p, "", separator, out);
            assertNull(p.nextToken(), "one object only: " + json);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + json, e);
        }
        return out;
    }

    /** The message field of a record's JSON value. */
    static String message(String json) {
        return String.valueOf(parse(json).get("message"));
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void readObject(JsonParser p, String prefix, String separator, Map<String, Object> out)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                readObject(p, name + separator, separator, out);
            } else if (t == JsonToken.START_ARRAY) {
                StringBuilder sb = new StringBuilder("[");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    sb.append(sb.length() > 1 ? "," : "").append(p.getText());
                }
                out.put(name, sb.append(']').toString());
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                out.put(name, p.getLongValue());
            } else if (t == JsonToken.VALUE_NULL) {
                out.put(name, null);
            } else {
                out.put(name, t.isBoolean() ? (Object) p.getBooleanValue() : p.getText());
            }
        }
    }
}
