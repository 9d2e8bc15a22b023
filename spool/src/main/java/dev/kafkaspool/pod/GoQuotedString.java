package dev.kafkaspool.pod;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a double-quoted string as Go's {@code %q} writes it, which is how Kubernetes writes the
 * values in downward API files. Escapes: {@code \" \\ \a \b \f \n \r \t \v}, {@code \xNN} and
 * octal {@code \NNN} (one byte each; consecutive bytes are read as UTF-8, invalid ones become
 * U+FFFD), {@code \u005CuNNNN} and {@code \u005CUNNNNNNNN} (one character). Anything else is not valid.
 */
final class GoQuotedString {

    private GoQuotedString() {
    }

    /**
     * @param quoted the text including its surrounding double quotes
     * @return the text the quotes stand for
     * @throws IllegalArgumentException saying what is wrong, without repeating the text
     */
    static String unquote(String quoted) {
        int end = quoted.length() - 1;
        if (end < 1 || quoted.charAt(0) != '"' || quoted.charAt(end) != '"') {
            throw new IllegalArgumentException("the value is not in double quotes");
        }
        StringBuilder out = new StringBuilder(end);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 1;
        while (i < end) {
            char c = quoted.charAt(i);
            if (c == '"') {
                throw new IllegalArgumentException("a double quote inside the value is not escaped");
            }
            if (c != '\\') {
                flush(bytes, out);
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 == end) {
                throw new IllegalArgumentException("the value ends with a lone backslash");
            }
            char escape = quoted.charAt(i + 1);
            i += 2;
            if (escape == 'x') {
                bytes.write(number(quoted, i, end, 2, 16, "\\x"));
                i += 2;
                continue;
            }
            if (escape >= '0' && escape <= '7') {
                int value = number(quoted, i - 1, end, 3, 8, "an octal escape");
                if (value > 0xFF) {
                    throw new IllegalArgumentException("the octal escape \\" + quoted.substring(i - 1, i + 2)
                            + " is larger than a byte");
                }
                bytes.write(value);
                i += 2;
                continue;
            }
            flush(bytes, out);
            switch (escape) {
                case '"':
                case '\\':
                    out.append(escape);
                    break;
                case 'a':
                    out.append('\u0007');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'v':
                    out.append('\u000B');
                    break;
                case 'u':
                    out.appendCodePoint(character(number(quoted, i, end, 4, 16, "\\u")));
                    i += 4;
                    break;
                case 'U':
                    out.appendCodePoint(character(number(quoted, i, end, 8, 16, "\\U")));
                    i += 8;
                    break;
                default:
                    throw new IllegalArgumentException("unknown escape \\" + escape);
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static int number(String text, int from, int end, int digits, int radix, String what) {
        if (from + digits > end) {
            throw new IllegalArgumentException(what + " needs " + digits + " digits");
        }
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0) {
                throw new IllegalArgumentException(what + " needs " + digits + " digits");
            }
            value = value * radix + digit;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static int character(int codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("a \\u or \\U escape does not name a character");
        }
        return codePoint;
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
