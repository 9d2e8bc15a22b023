package dev.kafkaspool.encoding;

/**
 * Text cut to a maximum length with a visible marker, copied into a reusable character buffer so
 * the JSON generator can write it without a new string. <b>Not thread-safe</b>: one per encoder.
 */
final class BoundedText {
    static final String MARKER_PREFIX = "...[truncated ";
    static final String MARKER_SUFFIX = " chars]";

    private static final char REPLACEMENT = '\uFFFD';

    /** The most characters kept between events: a larger buffer, grown for a long value, is let go. */
    static final int RETAINED = 32 * 1024;
    private static final int INITIAL = 1024;

    private char[] chars = new char[INITIAL];
    private int length;

    /**
     * Copies {@code text}, cut to {@code max} characters plus the marker when longer, as it is: call
     * {@link #replaceLoneSurrogates()} before writing it as anything but ASCII.
     */
    BoundedText set(CharSequence text, int max) {
        int n = text.length();
        int kept = Math.min(n, max);
        // Never split a surrogate pair at the cut.
        if (kept < n && kept > 0 && Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        ensure(kept + MARKER_PREFIX.length() + 11 + MARKER_SUFFIX.length());
        if (text instanceof String) {
            ((String) text).getChars(0, kept, chars, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(0, kept, chars, 0);
        } else {
            for (int i = 0; i < kept; i++) {
                chars[i] = text.charAt(i);
            }
        }
        length = kept;
        if (kept < n) {
            append(MARKER_PREFIX);
            appendNumber(n - kept);
            append(MARKER_SUFFIX);
        }
        return this;
    }

    /** JSON text must be valid Unicode: a surrogate without its partner becomes U+FFFD. */
    BoundedText replaceLoneSurrogates() {
        for (int i = 0, end = length; i < end; i++) {
            char c = chars[i];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    chars[i] = REPLACEMENT;
                }
            }
        }
        return this;
    }

    /** Returns {@code name}, or a copy with lone surrogates replaced when it has any. */
    static String safeName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < name.length()
                        && Character.isLowSurrogate(name.charAt(i + 1));
                if (!pair) {
                    return replaceAll(name);
                }
                i++;
            }
        }
        return name;
    }

    private static String replaceAll(String name) {
        char[] c = name.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (Character.isSurrogate(c[i])) {
                if (Character.isHighSurrogate(c[i]) && i + 1 < c.length && Character.isLowSurrogate(c[i + 1])) {
                    i++;
                } else {
                    c[i] = REPLACEMENT;
                }
            }
        }
        return new String(c);
    }

    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    private void append(String s) {
        s.getChars(0, s.length(), chars, length);
        length += s.length();
    }

    private void appendNumber(int value) {
        int start = length;
        int v = value;
        do {
            chars[length++] = (char) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
    }

    private void ensure(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
    }

    /** Lets go of a buffer grown beyond {@link #RETAINED}. */
    void shrink() {
        if (chars.length > RETAINED) {
            chars = new char[INITIAL];
        }
    }

    int capacity() {
        return chars.length;
    }
}
