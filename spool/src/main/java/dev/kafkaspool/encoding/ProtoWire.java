package dev.kafkaspool.encoding;

/**
 * The protobuf binary wire format, written by hand into a {@link ByteSink}: tags, varints, fixed
 * 32- and 64-bit values and length-delimited fields. A nested message is opened with one byte kept
 * for its length and closed once its content is written: the length is then known, and the content
 * moves right when the length takes more than one byte. Strings are UTF-8 with each lone surrogate
 * as U+FFFD, since protobuf parsers refuse a string that is not valid UTF-8. Allocates nothing.
 */
final class ProtoWire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    private ProtoWire() {
    }

    static void tag(ByteSink o, int field, int wireType) {
        varint(o, field << 3 | wireType);
    }

    /** A varint; a negative value takes ten bytes, as int64 fields want. */
    static void varint(ByteSink o, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            o.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        o.write((int) v);
    }

    static int varintSize(long value) {
        int n = 1;
        long v = value;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    static void fixed64(ByteSink o, int field, long value) {
        tag(o, field, FIXED64);
        for (int i = 0; i < 8; i++) {
            o.write((int) (value >>> (8 * i)));
        }
    }

    static void fixed32(ByteSink o, int field, int value) {
        tag(o, field, FIXED32);
        for (int i = 0; i < 4; i++) {
            o.write(value >>> (8 * i));
        }
    }

    static void varintField(ByteSink o, int field, long value) {
        tag(o, field, VARINT);
        varint(o, value);
    }

    /** Starts a length-delimited field (a nested message, or a string built in parts); returns its mark. */
    static int open(ByteSink o, int field) {
        tag(o, field, LEN);
        int mark = o.size();
        o.write(0);
        return mark;
    }

    /** Ends the field {@link #open} started: writes its length before its content. */
    static void close(ByteSink o, int mark) {
        int start = mark + 1;
        int length = o.size() - start;
        int n = varintSize(length);
        if (n > 1) {
            o.ensure(o.size() + n - 1);
            byte[] b = o.bytes();
            System.arraycopy(b, start, b, start + n - 1, length);
            o.size(o.size() + n - 1);
        }
        byte[] b = o.bytes();
        int p = mark;
        int v = length;
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        b[p] = (byte) v;
    }

    static void bytes(ByteSink o, int field, byte[] value, int offset, int length) {
        tag(o, field, LEN);
        varint(o, length);
        o.write(value, offset, length);
    }

    /** A string field; lone surrogates become U+FFFD. */
    static void string(ByteSink o, int field, CharSequence value) {
        tag(o, field, LEN);
        varint(o, utf8Length(value, 0, value.length()));
        utf8(o, value, 0, value.length());
    }

    /**
     * A string field from a cut text, lone surrogates replaced by U+FFFD; ASCII text (most of it) is
     * copied by {@code ascii}, one byte per character, without the per-character UTF-8 loop.
     */
    static void string(ByteSink o, int field, BoundedText text, AsciiBytes ascii) {
        tag(o, field, LEN);
        int start = o.size();
        int length = text.length();
        varint(o, length);
        o.ensure(o.size() + length);
        if (ascii.copy(text.chars(), 0, length, o.bytes(), o.size())) {
            o.size(o.size() + length);
            return;
        }
        o.size(start);
        char[] chars = text.replaceLoneSurrogates().chars();
        varint(o, utf8Length(chars, length));
        o.ensure(o.size() + 3 * length);
        byte[] b = o.bytes();
        int p = o.size();
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                p = codePoint(b, p, Character.toCodePoint(c, chars[++i]));
            } else {
                p = codePoint(b, p, Character.isSurrogate(c) ? 0xFFFD : c);
            }
        }
        o.size(p);
    }

    /** UTF-8 of {@code value[from, to)} without a tag or length, for a string written in parts. */
    static void utf8(ByteSink o, CharSequence value, int from, int to) {
        o.ensure(o.size() + 3 * (to - from));
        byte[] b = o.bytes();
        int p = o.size();
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                p = codePoint(b, p, Character.toCodePoint(c, value.charAt(++i)));
            } else {
                p = codePoint(b, p, Character.isSurrogate(c) ? 0xFFFD : c);
            }
        }
        o.size(p);
    }

    private static int utf8Length(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return n;
    }

    private static int utf8Length(char[] s, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = s[i];
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s[i + 1])) {
                n += 4;
                i++;
            } else {
                n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return n;
    }

    private static int codePoint(byte[] b, int at, int cp) {
        int p = at;
        if (cp < 0x80) {
            b[p++] = (byte) cp;
        } else if (cp < 0x800) {
            b[p++] = (byte) (0xC0 | cp >> 6);
            b[p++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            b[p++] = (byte) (0xE0 | cp >> 12);
            b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[p++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[p++] = (byte) (0xF0 | cp >> 18);
            b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[p++] = (byte) (0x80 | cp & 0x3F);
        }
        return p;
    }
}
