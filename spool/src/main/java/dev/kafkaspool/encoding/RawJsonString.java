package dev.kafkaspool.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * A JSON string value that needs no escaping, handed to the generator as raw JSON: most log text is
 * printable ASCII without a quote or a backslash, and for it the generator's escaping loop, one
 * character at a time, is the largest cost of an event with a long message. {@link #write} takes
 * text of {@link #MIN_CHARS} to {@link #MAX_CHARS} characters, copies it with {@link AsciiBytes},
 * checks eight bytes at a time that nothing in it needs escaping, and writes it quoted; for any
 * other text it writes nothing and says so, and the caller escapes it as before. The bytes written
 * are those the generator writes for the same text.
 *
 * <p>As a {@link SerializableString} its value is the quoted JSON text, the way
 * {@link JsonGenerator#writeRawValue(SerializableString)} takes it. <b>Not thread-safe</b>: one per
 * encoder.
 */
final class RawJsonString implements SerializableString {
    /**
     * The shortest text taken this way: below it the generator's loop costs no more than the
     * encoder's call and the raw value's handing over.
     */
    static final int MIN_CHARS = 48;
    /** The longest text taken this way; longer text goes through the generator's escaping. */
    static final int MAX_CHARS = 4000;
    /**
     * The generator's buffer holds 8,000 bytes; with more than this buffered it is flushed first, so
     * the quoted text always fits and is copied into it without an array of its own.
     */
    private static final int FLUSH_ABOVE = 8000 - MAX_CHARS - 8;

    private static final int BLOCK = 512;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final AsciiBytes ascii;
    private final byte[] quoted = new byte[MAX_CHARS + 2];
    private int length;

    RawJsonString(AsciiBytes ascii) {
        this.ascii = ascii;
    }

    /** Writes {@code chars[0..n)} as a string value if it needs no escaping; false, writing nothing, if not. */
    boolean write(JsonGenerator g, char[] chars, int n) throws IOException {
        if (n < MIN_CHARS || n > MAX_CHARS) {
            return false;
        }
        // In blocks, so that text with a line break near its start (a stack trace) is given up early.
        for (int from = 0; from < n; from += BLOCK) {
            int part = Math.min(BLOCK, n - from);
            if (!ascii.copy(chars, from, part, quoted, 1 + from) || needsEscaping(quoted, 1 + from, part)) {
                return false;
            }
        }
        quoted[0] = '"';
        quoted[n + 1] = '"';
        length = n + 2;
        if (g.getOutputBuffered() > FLUSH_ABOVE) {
            g.flush();
        }
        g.writeRawValue(this);
        return true;
    }

    /**
     * Whether any of {@code bytes[from..from+n)}, all ASCII, is one JSON escapes: a control
     * character, a quote or a backslash. Per eight bytes: a byte below 0x20 borrows into its high bit
     * when 0x20 is subtracted, and a byte equal to the quote or backslash when 1 is subtracted from it
     * XOR that character; with every byte below 0x80, only those bytes (or bytes after them) do.
     */
    static boolean needsEscaping(byte[] bytes, int from, int n) {
        int i = from;
        int end = from + n;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long w = (long) LONGS.get(bytes, i);
            long found = (w - 0x2020202020202020L) | ((w ^ 0x2222222222222222L) - ONES)
                    | ((w ^ 0x5C5C5C5C5C5C5C5CL) - ONES);
            if ((found & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b < 0x20 || b == '"' || b == '\\') {
                return true;
            }
        }
        return false;
    }

    // ---- SerializableString: the value is the quoted text, ASCII, so a character is a byte ----

    @Override
    public String getValue() {
        return new String(quoted, 0, length, StandardCharsets.US_ASCII);
    }

    @Override
    public int charLength() {
        return length;
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return Arrays.copyOf(quoted, length);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + length > buffer.length) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, length);
        return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        if (offset + length > buffer.length) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (char) quoted[i];
        }
        return length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(quoted, 0, length);
        return length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (length > buffer.remaining()) {
            return -1;
        }
        buffer.put(quoted, 0, length);
        return length;
    }

    // The quoted forms escape the value (its quotes among it) as any string; no generator path here uses them.

    @Override
    public char[] asQuotedChars() {
        return escaped().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return escaped().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return escaped().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return escaped().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return escaped().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return escaped().putQuotedUTF8(buffer);
    }

    private SerializedString escaped() {
        return new SerializedString(getValue());
    }

    @Override
    public String toString() {
        return getValue();
    }
}
