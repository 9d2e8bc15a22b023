package dev.kafkaspool.encoding;

import java.util.Arrays;

/**
 * The trace context of one event, lifted from the MDC keys tracing libraries write: the
 * OpenTelemetry Java agent's {@code trace_id}, {@code span_id}, {@code trace_flags} and Micrometer
 * Tracing's {@code traceId}, {@code spanId}, and Elastic's APM agent's {@code trace.id}, {@code span.id}. An entry is taken only when its value is hex of the
 * right length (32 digits for a trace id, 16 for a span id, 2 for the flags); otherwise it stays an
 * ordinary entry. A second key giving the same id is taken too (it would only repeat it); one giving
 * another id stays an entry. Reused per encoder: <b>not thread-safe</b>.
 */
final class TraceContext {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] traceId = new byte[16];
    private final byte[] spanId = new byte[8];
    private final byte[] scratch = new byte[16];
    private boolean hasTraceId;
    private boolean hasSpanId;
    private int flags = -1;

    void clear() {
        hasTraceId = false;
        hasSpanId = false;
        flags = -1;
    }

    /** Takes the entry when it is trace context; false when it is to be written as an entry. */
    boolean offer(String name, Object value) {
        if (!(value instanceof CharSequence)) {
            return false;
        }
        CharSequence v = (CharSequence) value;
        switch (name) {
            case "trace_id":
            case "traceId":
            case "trace.id":
                if (takeId(v, traceId, hasTraceId)) {
                    hasTraceId = true;
                    return true;
                }
                return false;
            case "span_id":
            case "spanId":
            case "span.id":
                if (takeId(v, spanId, hasSpanId)) {
                    hasSpanId = true;
                    return true;
                }
                return false;
            case "trace_flags":
                if (flags < 0 && v.length() == 2 && parseHex(v, scratch, 1)) {
                    flags = scratch[0] & 0xFF;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private boolean takeId(CharSequence hex, byte[] into, boolean already) {
        int n = into.length;
        if (hex.length() != 2 * n || !parseHex(hex, scratch, n)) {
            return false;
        }
        if (already) {
            return Arrays.equals(scratch, 0, n, into, 0, n);
        }
        System.arraycopy(scratch, 0, into, 0, n);
        return true;
    }

    private static boolean parseHex(CharSequence hex, byte[] into, int n) {
        for (int i = 0; i < n; i++) {
            int hi = hexDigit(hex.charAt(2 * i));
            int lo = hexDigit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return false;
            }
            into[i] = (byte) (hi << 4 | lo);
        }
        return true;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    boolean hasTraceId() {
        return hasTraceId;
    }

    boolean hasSpanId() {
        return hasSpanId;
    }

    boolean hasFlags() {
        return flags >= 0;
    }

    /** The W3C trace flags (0 to 255); meaningful when {@link #hasFlags()}. */
    int flags() {
        return flags;
    }

    byte[] traceId() {
        return traceId;
    }

    byte[] spanId() {
        return spanId;
    }

    /** The trace id as 32 lowercase hex digits into {@code out}; returns the length. */
    int traceIdHex(char[] out) {
        return hex(traceId, out);
    }

    /** The span id as 16 lowercase hex digits into {@code out}; returns the length. */
    int spanIdHex(char[] out) {
        return hex(spanId, out);
    }

    /** The flags as 2 lowercase hex digits into {@code out}; returns the length. */
    int flagsHex(char[] out) {
        out[0] = HEX[flags >> 4 & 0xF];
        out[1] = HEX[flags & 0xF];
        return 2;
    }

    private static int hex(byte[] b, char[] out) {
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[b[i] >> 4 & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return 2 * b.length;
    }
}
