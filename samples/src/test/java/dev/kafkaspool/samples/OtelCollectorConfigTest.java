package dev.kafkaspool.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.encoding.Layout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenTelemetry Collector sample reads what the sample appender writes: its Kafka receiver's
 * logs encoding is the appender's layout, its topic the appender's topic, and a debug exporter shows
 * the logs.
 */
class OtelCollectorConfigTest {
    private static final Path DIR = Path.of("otel-collector");

    @Test
    @SuppressWarnings("unchecked")
    void theReceiversEncodingAndTopicAreTheAppendersLayoutAndTopic() throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(DIR.resolve("collector.yaml")));
        Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) config.get("receivers")).get("kafka");
        Map<String, Object> logs = (Map<String, Object>) kafka.get("logs");
        String encoding = (String) logs.get("encoding");
        List<String> topics = (List<String>) logs.get("topics");

        String logback = Files.readString(DIR.resolve("logback.xml"));
        Layout layout = EncodingSettings.LAYOUT.parse(element(logback, "layout"));
        assertEquals(layout.configName(), encoding, "the receiver decodes what the layout writes");
        assertTrue(layout == Layout.OTLP_PROTO || layout == Layout.OTLP_JSON, layout.toString());
        assertEquals(List.of(element(logback, "topic")), topics);

        Map<String, Object> service = (Map<String, Object>) config.get("service");
        Map<String, Object> pipeline = (Map<String, Object>) ((Map<String, Object>) service.get("pipelines")).get("logs");
        assertEquals(List.of("kafka"), pipeline.get("receivers"));
        assertEquals(List.of("debug"), pipeline.get("exporters"));
        assertTrue(((Map<String, Object>) config.get("exporters")).containsKey("debug"));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        assertTrue(m.find(), "no <" + name + "> in the sample's logback.xml");
        return m.group(1).trim();
    }
}
