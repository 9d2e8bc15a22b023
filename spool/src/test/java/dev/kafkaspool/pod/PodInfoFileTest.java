package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.kafkaspool.engine.RecordingStatus;

class PodInfoFileTest {
    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void readsLabelsAsKubernetesWritesThemInOrder() throws Exception {
        Path file = dir.resolve("labels");
        Files.writeString(file, "app=\"payments\"\napp.kubernetes.io/name=\"payments-api\"\n"
                + "pod-template-hash=\"7d9f8c6b5\"\ntier=\"\"");
        Map<String, String> labels = PodInfoFile.read(file, status);
        assertEquals(Map.of("app", "payments", "app.kubernetes.io/name", "payments-api",
                "pod-template-hash", "7d9f8c6b5", "tier", ""), labels);
        assertEquals(List.of("app", "app.kubernetes.io/name", "pod-template-hash", "tier"),
                List.copyOf(labels.keySet()), "the file's order");
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void readsEveryEscapeGoWrites() {
        Map<String, String> m = PodInfoFile.parse(String.join("\n",
                "quote=\"say \\\"hi\\\"\"",
                "backslash=\"C:\\\\temp\\\\\"",
                "controls=\"a\\nb\\tc\\rd\\ae\\bf\\fg\\vh\"",
                "unicode=\"caf\\u00e9 \\U0001f600\"",
                "bytes=\"\\x41\\102\\xe2\\x82\\xac\"",
                "invalid-utf8=\"\\xff!\"",
                "raw=\"Grüße, 世界 😀 = ok\"",
                "equals=\"a=b\""), "test", status);
        assertEquals("say \"hi\"", m.get("quote"));
        assertEquals("C:\\temp\\", m.get("backslash"));
        assertEquals("a\nb\tc\rd\u0007e\bf\fg\u000Bh", m.get("controls"));
        assertEquals("café \uD83D\uDE00", m.get("unicode"));
        assertEquals("AB€", m.get("bytes"), "\\x and octal escapes are bytes, read together as UTF-8");
        assertEquals("\uFFFD!", m.get("invalid-utf8"));
        assertEquals("Grüße, 世界 😀 = ok", m.get("raw"));
        assertEquals("a=b", m.get("equals"));
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void readsAnAnnotationHoldingJsonOverSeveralEscapedLines() {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n\"metadata\":{\"name\":\"x\"}}\n";
        String line = "kubectl.kubernetes.io/last-applied-configuration=\""
                + json.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        Map<String, String> m = PodInfoFile.parse(line + "\nprometheus.io/scrape=\"true\"", "test", status);
        assertEquals(json, m.get("kubectl.kubernetes.io/last-applied-configuration"));
        assertEquals("true", m.get("prometheus.io/scrape"));
    }

    @Test
    void skipsMalformedLinesAndReportsThemInOneWarningWithoutValues() {
        Map<String, String> m = PodInfoFile.parse(String.join("\n",
                "good=\"1\"",
                "no-equals-sign",
                "=\"no key\"",
                "unquoted=secret-value",
                "",
                "unknown-escape=\"a\\qb\"",
                "trailing=\"x\"y\"",
                "lone-backslash=\"ab\\\"",
                "short-hex=\"\\x4\"",
                "surrogate=\"\\ud800\"",
                "octal-too-big=\"\\777\"",
                "spaced key=\"v\"",
                "also-good=\"2\""), "/etc/podinfo/labels", status);
        assertEquals(Map.of("good", "1", "also-good", "2"), m);
        List<String> warnings = status.warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        String w = warnings.get(0);
        assertTrue(w.contains("skipped 10 malformed line(s) in /etc/podinfo/labels"), w);
        assertTrue(w.contains("line 2 has no '='"), w);
        assertTrue(w.contains("line 3 has no key"), w);
        assertTrue(w.contains("line 4 (key 'unquoted'): the value is not in double quotes"), w);
        assertFalse(w.contains("secret-value"), "values stay out of status messages: " + w);
        assertTrue(w.endsWith("; ... (expected key=\"value\")"), w);
    }

    @Test
    void saysWhatIsWrongWithEachMalformedValue() {
        assertEquals("unknown escape \\q", problem("\"a\\qb\""));
        assertEquals("a double quote inside the value is not escaped", problem("\"x\"y\""));
        assertEquals("the value ends with a lone backslash", problem("\"ab\\\""));
        assertEquals("\\x needs 2 digits", problem("\"\\x4\""));
        assertEquals("\\u needs 4 digits", problem("\"\\u00g9\""));
        assertEquals("a \\u or \\U escape does not name a character", problem("\"\\ud800\""));
        assertEquals("a \\u or \\U escape does not name a character", problem("\"\\U00110000\""));
        assertEquals("the octal escape \\777 is larger than a byte", problem("\"\\777\""));
        assertEquals("the value is not in double quotes", problem("\""));
    }

    @Test
    void aMissingFileIsEmptyWithoutReport() {
        assertEquals(Map.of(), PodInfoFile.read(dir.resolve("labels"), status));
        assertEquals(Map.of(), PodInfoFile.read(dir.resolve("no-such-dir").resolve("labels"), status));
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void anUnreadableFileIsEmptyAndReported() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("labels"));
        assertEquals(Map.of(), PodInfoFile.read(notAFile, status));
        assertEquals(1, status.warnings().size());
        assertTrue(status.warnings().get(0).contains("cannot read " + notAFile), status.warnings()::toString);
    }

    @Test
    void anEmptyFileAndBlankLinesGiveNothingAndNoReport() {
        assertEquals(Map.of(), PodInfoFile.parse("", "test", status));
        assertEquals(Map.of("a", "1"), PodInfoFile.parse("\n  \na=\"1\"\r\n\n", "test", status));
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    private static String problem(String quoted) {
        return assertThrows(IllegalArgumentException.class, () -> GoQuotedString.unquote(quoted)).getMessage();
    }
}
