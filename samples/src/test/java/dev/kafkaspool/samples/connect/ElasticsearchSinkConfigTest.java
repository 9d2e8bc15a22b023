package dev.kafkaspool.samples.connect;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EventIds;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.EventEncoder;
import dev.kafkaspool.encoding.FieldVisitor;
import dev.kafkaspool.encoding.Layout;
import dev.kafkaspool.encoding.LogEventView;
import dev.kafkaspool.encoding.RecordFormat;
import dev.kafkaspool.pod.PodMetadata;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

/**
 * The sample Elasticsearch sink configuration, applied by Kafka Connect's own converter and
 * transforms to a record the real encoder made: the document id is the event id, so a record
 * delivered twice overwrites its first copy.
 */
class ElasticsearchSinkConfigTest {

    @Test
    void theDocumentIdIsTheEventId() throws Exception {
        Map<String, String> config = connectorConfig(Path.of("connect", "elasticsearch-sink.json"));
        assertEquals("false", config.get("key.ignore"), "the sink uses the record key as document id");
        assertTrue(Pattern.compile(config.get("topics.regex")).matcher("logs.payments").matches());

        long instanceId = 0x0123456789abcdefL;
        long sequence = 7;
        byte[] value = ecsRecord(instanceId, sequence);
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", config.get("value.converter.schemas.enable")), false);
        SchemaAndValue data = converter.toConnectData("logs.payments", value);
        ConnectRecord<SinkRecord> record = new SinkRecord("logs.payments", 0, null, null, data.schema(), data.value(), 42);

        for (String alias : config.get("transforms").split(",")) {
            record = transform(config, alias.trim()).apply((SinkRecord) record);
        }
        byte[] id = new byte[EventIds.MAX_LENGTH];
        int n = EventIds.write(instanceId, sequence, id, 0);
        assertEquals(new String(id, 0, n, java.nio.charset.StandardCharsets.US_ASCII), record.key());
        assertEquals(data.value(), record.value(), "the document itself is unchanged");
    }

    @SuppressWarnings("unchecked")
    private static Transformation<SinkRecord> transform(Map<String, String> config, String alias) throws Exception {
        String prefix = "transforms." + alias + ".";
        Transformation<SinkRecord> t = (Transformation<SinkRecord>) Class.forName(config.get(prefix + "type"))
                .getDeclaredConstructor().newInstance();
        Map<String, String> own = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(prefix) && !k.equals(prefix + "type")) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        t.configure(own);
        return t;
    }

    private static byte[] ecsRecord(long instanceId, long sequence) {
        SpoolConfig config = SpoolConfig.builder().set(EngineSettings.BOOTSTRAP_SERVERS, "unused:9092")
                .set(EncodingSettings.LAYOUT, Layout.ECS).build();
        RecordFormat format = RecordFormat.create(config, PodMetadata.builder().podName("orders-1").namespace("payments")
                .build());
        EncodedEvent e = new EventEncoder().encode(format, new LogEventView() {
            @Override
            public long epochSecond() {
                return 1_795_250_096L;
            }

            @Override
            public int nanoOfSecond() {
                return 0;
            }

            @Override
            public LogLevel level() {
                return LogLevel.WARN;
            }

            @Override
            public String loggerName() {
                return "com.example.Orders";
            }

            @Override
            public String threadName() {
                return "main";
            }

            @Override
            public void formatMessage(StringBuilder into) {
                into.append("slow payment");
            }

            @Override
            public <S> void forEachContextEntry(FieldVisitor<S> visitor, S state) {
                visitor.accept("requestId", "r-1", state);
            }

            @Override
            public <S> void forEachKeyValue(FieldVisitor<S> visitor, S state) {
            }

            @Override
            public <S> void forEachMarker(FieldVisitor<S> visitor, S state) {
            }

            @Override
            public Throwable thrown() {
                return null;
            }

            @Override
            public StackTraceElement callerData() {
                return null;
            }
        }, instanceId, sequence);
        return Arrays.copyOf(e.valueBytes(), e.valueLength());
    }

    /** The "config" object of a connector definition as the Connect REST API takes it. */
    private static Map<String, String> connectorConfig(Path file) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(Files.readAllBytes(file))) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("config")) {
                    assertEquals(JsonToken.START_OBJECT, t);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        config.put(key, p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        assertNotNull(config.get("connector.class"));
        return config;
    }
}
