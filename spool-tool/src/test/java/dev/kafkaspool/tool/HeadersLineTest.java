package dev.kafkaspool.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

/** {@code print --headers} lines are valid UTF-8 JSON that give back every text as it was. */
class HeadersLineTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void quotesControlCharactersAndLoneSurrogatesComeBackAsTheyWere() throws IOException {
        String key = "lone \uD800 high, lone \uDC00 low, a pair \uD83D\uDE00, \"quoted\" \\ \n\t\u0001";
        byte[] line = HeadersLine.of("id-1", "2026-11-22T08:00:00Z", "INFO", "logs.\u00e9t\u00e9", key,
                "{\"message\":\"hi\"}");

        Map<String, String> read = strings(line);
        assertEquals(key, read.get("key"));
        assertEquals("logs.\u00e9t\u00e9", read.get("topic"));
        assertEquals("id-1", read.get("eventId"));
        assertEquals("hi", read.get("value.message"), "the record is written as it is, as a JSON value");
    }

    @Test
    void aMissingKeyIsNull() throws IOException {
        byte[] line = HeadersLine.of("id-2", "2026-11-22T08:00:00Z", "WARN", "logs", null, "{}");
        Map<String, String> read = strings(line);
        assertNull(read.get("key"));
        assertEquals("WARN", read.get("level"));
    }

    /** The line's string members (the value's as {@code value.<name>}), after checking it is valid UTF-8. */
    private static Map<String, String> strings(byte[] line) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + new String(line, StandardCharsets.UTF_8), e);
        }
        Map<String, String> read = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            String prefix = "";
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    name = p.currentName();
                } else if (t == JsonToken.START_OBJECT && name != null) {
                    prefix = name + ".";
                } else if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
                    read.put(prefix + name, p.getValueAsString());
                }
            }
        }
        return read;
    }
}
