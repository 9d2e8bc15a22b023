package dev.kafkaspool.samples.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Indents a JSON record for people to read, shortening long strings (stack traces) to their start. */
final class PrettyJson {

    private static final JsonFactory JSON = new JsonFactory();

    private PrettyJson() {
    }

    /** The record indented; long strings end with {@code ...}. Not JSON: the text as it is. */
    static String format(byte[] json, int maxStringLength) {
        StringWriter out = new StringWriter();
        try (JsonParser parser = JSON.createParser(json);
             JsonGenerator generator = JSON.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING && parser.getTextLength() > maxStringLength) {
                    generator.writeString(parser.getText().substring(0, maxStringLength) + "...");
                } else {
                    generator.copyCurrentEvent(parser);
                }
            }
        } catch (IOException e) {
            return new String(json, StandardCharsets.UTF_8);
        }
        return out.toString();
    }
}
