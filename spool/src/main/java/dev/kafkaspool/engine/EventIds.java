package dev.kafkaspool.engine;

import java.nio.charset.StandardCharsets;

/**
 * Event ids: {@code <instance>-<sequence>}, 16 and up to 16 lower-case hex digits. The instance is
 * random per engine start, the sequence counts the engine's events, so ids are unique without
 * coordination and cost no allocation to make. A record keeps its id through the spool and across
 * restarts, so sinks can drop redelivered copies.
 */
public final class EventIds {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The longest an id gets, in bytes. */
    public static final int MAX_LENGTH = 33;

    private EventIds() {
    }

    /** The length of an id's instance part with the dash after it, the same for every id of an instance. */
    public static final int PREFIX_LENGTH = 17;

    /** Writes the id into {@code out} at {@code offset}; returns the number of bytes written. */
    public static int write(long instanceId, long sequence, byte[] out, int offset) {
        writePrefix(instanceId, out, offset);
        return PREFIX_LENGTH + writeSequence(sequence, out, offset + PREFIX_LENGTH);
    }

    /** Writes the instance part and the dash ({@link #PREFIX_LENGTH} bytes) into {@code out} at {@code offset}. */
    public static void writePrefix(long instanceId, byte[] out, int offset) {
        int p = offset;
        for (int shift = 60; shift >= 0; shift -= 4) {
            out[p++] = HEX[(int) (instanceId >>> shift) & 0xF];
        }
        out[p] = '-';
    }

    private static int writeSequence(long sequence, byte[] out, int offset) {
        int digits = hexDigits(sequence);
        int p = offset;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out[p++] = HEX[(int) (sequence >>> shift) & 0xF];
        }
        return digits;
    }

    /** The id as a String. */
    public static String toString(long instanceId, long sequence) {
        byte[] buf = new byte[MAX_LENGTH];
        int n = write(instanceId, sequence, buf, 0);
        return new String(buf, 0, n, StandardCharsets.US_ASCII);
    }

    /** The id as header bytes of exact length. */
    public static byte[] toBytes(long instanceId, long sequence) {
        byte[] prefix = new byte[PREFIX_LENGTH];
        writePrefix(instanceId, prefix, 0);
        return toBytes(prefix, sequence);
    }

    /**
     * The id as header bytes of exact length, its instance part copied from {@code prefix}
     * ({@link #writePrefix}): for a sender of many ids of one instance.
     */
    public static byte[] toBytes(byte[] prefix, long sequence) {
        byte[] out = new byte[PREFIX_LENGTH + hexDigits(sequence)];
        System.arraycopy(prefix, 0, out, 0, PREFIX_LENGTH);
        writeSequence(sequence, out, PREFIX_LENGTH);
        return out;
    }

    /** The hex digits of the sequence, without leading zeros (at least one). */
    private static int hexDigits(long sequence) {
        return Math.max(1, (67 - Long.numberOfLeadingZeros(sequence)) / 4);
    }
}
