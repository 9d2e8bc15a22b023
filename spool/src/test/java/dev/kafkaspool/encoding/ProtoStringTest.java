package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import org.junit.jupiter.api.Test;

/**
 * A protobuf string field, from ASCII text (copied a byte per character) and from any other text
 * (UTF-8, lone surrogates as U+FFFD), read back with protobuf's own reader: the tag, the length
 * (one varint byte and two) and the text, with nothing after it.
 */
class ProtoStringTest {
    private static final int FIELD = 5;

    @Test
    void asciiAndOtherTextOfEveryKindReadBackAsWritten() throws IOException {
        AsciiBytes ascii = new AsciiBytes();
        BoundedText bounded = new BoundedText();
        ByteSink sink = new ByteSink();
        String[] others = {"é", "\u2028", "\uD83D\uDE00", "\uD800", "\uDFFF", "\u0000", "\"", "\\"};
        for (int n : new int[] {0, 1, 7, 8, 127, 128, 300, 2000}) {
            String base = "a".repeat(n);
            assertReadsBack(sink, bounded, ascii, base, base);
            if (n == 0) {
                continue;
            }
            for (String other : others) {
                for (int at : new int[] {0, n / 2, n - 1}) {
                    String text = base.substring(0, at) + other + base.substring(at + 1);
                    assertReadsBack(sink, bounded, ascii, text, BoundedText.safeName(text));
                }
            }
        }
    }

    @Test
    void aTextCutAtItsLimitKeepsItsMarker() throws IOException {
        AsciiBytes ascii = new AsciiBytes();
        BoundedText bounded = new BoundedText();
        ByteSink sink = new ByteSink();
        sink.reset();
        ProtoWire.string(sink, FIELD, bounded.set("x".repeat(50), 10), ascii);
        assertEquals("x".repeat(10) + "...[truncated 40 chars]", read(sink));
    }

    private static void assertReadsBack(ByteSink sink, BoundedText bounded, AsciiBytes ascii, String text,
            String expected) throws IOException {
        sink.reset();
        ProtoWire.string(sink, FIELD, bounded.set(text, 10_000), ascii);
        assertEquals(expected, read(sink), () -> "text of " + text.length() + " chars");
        byte[] utf8 = expected.getBytes(StandardCharsets.UTF_8);
        int lengthBytes = utf8.length < 128 ? 1 : 2;
        assertEquals(1 + lengthBytes + utf8.length, sink.size(), "the field's size");
    }

    private static String read(ByteSink sink) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(sink.bytes(), 0, sink.size());
        int tag = in.readTag();
        assertEquals(FIELD, WireFormat.getTagFieldNumber(tag));
        assertEquals(WireFormat.WIRETYPE_LENGTH_DELIMITED, WireFormat.getTagWireType(tag));
        String s = in.readString();
        assertTrue(in.isAtEnd(), "nothing after the field");
        return s;
    }
}
