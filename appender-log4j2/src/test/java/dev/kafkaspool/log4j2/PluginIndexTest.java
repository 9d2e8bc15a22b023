package dev.kafkaspool.log4j2;

import dev.kafkaspool.config.Setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.kafkaspool.pipeline.SettingCatalog;
import org.junit.jupiter.api.Test;

class PluginIndexTest {

    @Test
    void theAnnotationProcessorListsThePluginInLog4jsIndex() throws IOException {
        boolean listed = false;
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"))) {
            try (InputStream in = url.openStream()) {
                String content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                listed |= content.contains(KafkaSpoolAppender.class.getName()) && content.contains("kafkaspool");
            }
        }
        assertTrue(listed, "Log4j2Plugins.dat names the KafkaSpool plugin");
    }

    @Test
    void everySettingIsAnAttributeOfTheElement() {
        List<String> catalog = new ArrayList<>();
        for (Setting<?> s : SettingCatalog.all()) {
            catalog.add(s.name());
        }
        List<String> attributes = KafkaSpoolAppenderBuilder.settingNames();
        Collections.sort(catalog);
        Collections.sort(attributes);
        assertEquals(catalog, attributes);
    }
}
