package dev.kafkaspool.pod;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.Setting;
import dev.kafkaspool.engine.RecordingStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PodSettingsTest {

    @Test
    void everySettingIsListedOnceWithAUniqueNameAndDocumentation() {
        List<Setting<?>> all = PodSettings.all();
        assertEquals(10, all.size());
        Set<String> names = new HashSet<>();
        for (Setting<?> s : all) {
            assertTrue(names.add(s.name()), "unique: " + s.name());
            assertTrue(s.name().matches("[a-z][a-zA-Z]*"), "camelCase: " + s.name());
            assertFalse(s.isRequired(), s.name() + " has a default");
            assertFalse(s.documentation().isBlank());
        }
        for (Setting<?> s : EngineSettings.all()) {
            assertFalse(names.contains(s.name()), "no clash with the engine's " + s.name());
        }
    }

    @Test
    void theEnvironmentVariableDefaultsAreTheDocumentedOnes() {
        assertEquals(List.of("POD_NAME", "POD_NAMESPACE", "POD_UID", "POD_IP", "NODE_NAME", "CONTAINER_NAME",
                "CONTAINER_IMAGE", "SERVICE_ACCOUNT"), List.of(PodSettings.POD_NAME_ENV.defaultValue(),
                PodSettings.NAMESPACE_ENV.defaultValue(), PodSettings.POD_UID_ENV.defaultValue(),
                PodSettings.POD_IP_ENV.defaultValue(), PodSettings.NODE_NAME_ENV.defaultValue(),
                PodSettings.CONTAINER_NAME_ENV.defaultValue(), PodSettings.CONTAINER_IMAGE_ENV.defaultValue(),
                PodSettings.SERVICE_ACCOUNT_ENV.defaultValue()));
        assertEquals(Path.of("/etc/podinfo"), PodSettings.POD_INFO_DIR.defaultValue());
        assertTrue(PodSettings.EXTRA_FIELDS.defaultValue().isEmpty());
    }

    @Test
    void eachShownDefaultParsesToTheDefault() {
        for (Setting<?> s : PodSettings.all()) {
            if (s != PodSettings.EXTRA_FIELDS) {
                assertEquals(s.defaultValue(), s.parse(s.defaultDescription()), s.name());
            }
        }
    }

    @Test
    void parsesValuesAndNamesTheSettingInErrors() {
        assertEquals("MY_POD", PodSettings.POD_NAME_ENV.parse(" MY_POD "));
        assertEquals(Path.of("/podinfo"), PodSettings.POD_INFO_DIR.parse("/podinfo"));
        assertEquals(Map.of("team", "payments"), PodSettings.EXTRA_FIELDS.parse("team=payments")
                .resolve(name -> null, name -> null, new RecordingStatus()));

        String badEnv = assertThrows(IllegalArgumentException.class, () -> PodSettings.NODE_NAME_ENV.parse("1NODE"))
                .getMessage();
        assertTrue(badEnv.startsWith("'nodeNameEnv' = '1NODE' is not valid: not an environment variable name"),
                badEnv);
        String badFields = assertThrows(IllegalArgumentException.class,
                () -> PodSettings.EXTRA_FIELDS.parse("team")).getMessage();
        assertTrue(badFields.startsWith("'extraFields' = 'team' is not valid: 'team' has no '='"), badFields);
    }
}
