package dev.kafkaspool.encoding;

import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kafkaspool.pod.PodMetadata;

/** Encodes test events and parses records back, strictly: one JSON object, no duplicate names. */
public final class Records {
    static final PodMetadata POD = PodMetadata.builder().podName("orders-7d9f8-x2x4q").namespace("payments")
            .podUid("8f3c1e2a-1b2c-4d5e-9f00-123456789abc").podIp("10.1.2.3").nodeName("node-a")
            .containerName("orders").serviceAccount("orders-sa").containerImage("registry.example.com/orders:1.4.2")
            .containerId("3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8")
            .labels(Map.of("app.kubernetes.io/name", "orders"))
            .annotations(Map.of("team", "payments")).extraFields(Map.of("cluster", "eu-1")).build();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Records() {
    }

    static SpoolConfig.Builder config(Layout layout) {
        return SpoolConfig.builder().set(dev.kafkaspool.config.EngineSettings.BOOTSTRAP_SERVERS, "localhost:9092")
                .set(EncodingSettings.LAYOUT, layout).set(EncodingSettings.SERVICE_NAME, "orders")
                .set(EncodingSettings.SERVICE_VERSION, "1.4.2");
    }

    static RecordFormat format(Layout layout) {
        return RecordFormat.create(config(layout).build(), POD);
    }

    static String encode(RecordFormat format, LogEventView event) {
        return decode(new EventEncoder().encode(format, event, 0x0123456789abcdefL, 7));
    }

    static String decode(EncodedEvent e) {
        return new String(e.valueBytes(), 0, e.valueLength(), StandardCharsets.UTF_8);
    }

    /** Parses a record into a flat map of paths ({@code kubernetes.pod.name}) to values. */
    public static Map<String, Object> parse(String json) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = STRICT.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), json);
            readObject(p, "", out);
            assertNull(p.nextToken(), "one object only: " + json);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + json, e);
        }
        return out;
    }

    /**
     * Parses a record as it is nested: objects as maps in their order, arrays as lists, numbers as
     * {@code Long} or {@code Double}, {@code null} as null. For checking the record's shape.
     */
    static Map<String, Object> tree(String json) {
        try (JsonParser p = STRICT.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken(), json);
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) readValue(p);
            assertNull(p.nextToken(), "one object only: " + json);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + json, e);
        }
    }

    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.put(name, readValue(p));
                }
                return object;
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p));
                }
                return array;
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                return p.getText();
        }
    }

    private static void readObject(JsonParser p, String prefix, Map<String, Object> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.getCurrentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                readObject(p, name + "/", out);
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
