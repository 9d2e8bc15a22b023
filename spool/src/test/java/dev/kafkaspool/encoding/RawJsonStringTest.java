package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

/**
 * The raw way for text that needs no escaping writes exactly the bytes the generator's escaping
 * writes, takes every such text between its limits, and refuses every other text (so the caller escapes
 * it): checked against the generator's own {@code writeString}, character by character.
 */
class RawJsonStringTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void printableAsciiOfEveryLengthIsTakenAndWrittenAsTheGeneratorWouldWriteIt() throws IOException {
        RawJsonString raw = new RawJsonString(new AsciiBytes());
        for (int n = 0; n <= 70; n++) {
            assertWrittenAsGenerator(raw, printable(n), n >= RawJsonString.MIN_CHARS);
        }
        for (int n : new int[] {511, 512, 513, 1024, 1025, RawJsonString.MAX_CHARS - 1}) {
            assertWrittenAsGenerator(raw, printable(n), true);
        }
        assertWrittenAsGenerator(raw, printable(RawJsonString.MAX_CHARS), true);
        assertWrittenAsGenerator(raw, printable(RawJsonString.MAX_CHARS + 1), false);
    }

    @Test
    void anyCharacterJsonEscapesOrThatIsNotAsciiAtAnyPlaceSendsTheTextTheGeneratorsWay() throws IOException {
        RawJsonString raw = new RawJsonString(new AsciiBytes());
        char[] others = {0, 1, '\t', '\n', 0x1F, '"', '\\', 0x80, 0xE9, 0xFF, 0x100, 0x2028, 0xD800, 0xDFFF, 0xFFFF};
        for (char c : others) {
            for (int n = RawJsonString.MIN_CHARS; n <= RawJsonString.MIN_CHARS + 20; n++) {
                for (int at = 0; at < n; at++) {
                    char[] text = printable(n);
                    text[at] = c;
                    assertWrittenAsGenerator(raw, text, false);
                }
            }
        }
        for (char c : others) {
            for (int at : new int[] {0, 7, 8, 511, 512, 513, 1023, 1024, 1099}) { // the check works in blocks
                char[] text = printable(1100);
                text[at] = c;
                assertWrittenAsGenerator(raw, text, false);
            }
        }
        for (int n = RawJsonString.MIN_CHARS; n <= RawJsonString.MIN_CHARS + 20; n++) {
            for (int at = 0; at < n; at++) {
                char[] text = printable(n);
                text[at] = 0x7F; // DEL: the generator does not escape it either
                assertWrittenAsGenerator(raw, text, true);
            }
        }
    }

    @Test
    void theEscapingCheckFindsEachByteJsonEscapesWhereverItIsAndNothingElse() {
        for (int b = 0; b < 0x80; b++) {
            boolean escaped = b < 0x20 || b == '"' || b == '\\';
            for (int from = 0; from < 8; from++) {
                for (int at = 0; at < 24; at++) {
                    byte[] bytes = new byte[from + 24];
                    Arrays.fill(bytes, (byte) 'a');
                    bytes[from + at] = (byte) b;
                    assertEquals(escaped, RawJsonString.needsEscaping(bytes, from, 24), "byte " + b + " at " + at);
                }
            }
        }
    }

    @Test
    void aNearlyFullGeneratorBufferIsFlushedFirstAndTheRecordStaysWhole() throws IOException {
        RawJsonString raw = new RawJsonString(new AsciiBytes());
        char[] text = printable(RawJsonString.MAX_CHARS);
        for (int before = 0; before < 8_200; before += 97) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(ours); JsonGenerator h = FACTORY.createGenerator(theirs)) {
                String pad = new String(printable(before));
                for (JsonGenerator x : new JsonGenerator[] {g, h}) {
                    x.writeStartObject();
                    x.writeStringField("pad", pad);
                    x.writeFieldName("v");
                }
                assertTrue(raw.write(g, text, text.length), "taken");
                h.writeString(text, 0, text.length);
                g.writeEndObject();
                h.writeEndObject();
            }
            assertArrayEquals(theirs.toByteArray(), ours.toByteArray(), "after " + before + " characters");
        }
    }

    /** Writes {@code text} as the second value of an object both ways and compares the bytes. */
    private static void assertWrittenAsGenerator(RawJsonString raw, char[] text, boolean taken) throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(ours); JsonGenerator h = FACTORY.createGenerator(theirs)) {
            g.writeStartObject();
            h.writeStartObject();
            g.writeNumberField("a", 1);
            h.writeNumberField("a", 1);
            g.writeFieldName("v");
            h.writeFieldName("v");
            boolean took = raw.write(g, text, text.length);
            assertEquals(taken, took, () -> "taken: " + describe(text));
            if (!took) {
                g.writeString(text, 0, text.length);
            }
            h.writeString(text, 0, text.length);
            g.writeEndObject();
            h.writeEndObject();
        }
        assertArrayEquals(theirs.toByteArray(), ours.toByteArray(), () -> describe(text));
    }

    /** Printable ASCII, every character from space to tilde but the quote and backslash, in turn. */
    private static char[] printable(int n) {
        char[] text = new char[n];
        char c = ' ';
        for (int i = 0; i < n; i++) {
            text[i] = c;
            do {
                c = c == '~' ? ' ' : (char) (c + 1);
            } while (c == '"' || c == '\\');
        }
        return text;
    }

    private static String describe(char[] text) {
        StringBuilder sb = new StringBuilder().append(text.length).append(" chars:");
        for (int i = 0; i < Math.min(text.length, 24); i++) {
            sb.append(' ').append(Integer.toHexString(text[i]));
        }
        return sb.toString();
    }
}
