package dev.kafkaspool.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
    @Test
    void theConfigurationPageHoldsTheGeneratedSettingsReference() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "configuration.md"));
        int begin = readme.indexOf(ConfigReference.BEGIN);
        int end = readme.indexOf(ConfigReference.END);
        assertTrue(begin >= 0 && end > begin, "docs/configuration.md has the settings markers");
        String block = readme.substring(begin + ConfigReference.BEGIN.length() + 1, end);
        assertEquals(ConfigReference.markdown(), block,
                "docs/configuration.md is out of date: replace its settings block with the output of ConfigReference.main");
    }
}
