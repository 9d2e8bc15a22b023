package dev.kafkaspool.encoding;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, growing byte buffer the JSON generator, or {@link ProtoWire} for protobuf records, writes
 * into. <b>Not thread-safe.</b>
 */
final class ByteSink extends OutputStream {
    /** The most a sink keeps between records: a larger buffer, grown for a large event, is let go. */
    static final int RETAINED = 64 * 1024;
    private static final int INITIAL = 4096;

    private byte[] bytes = new byte[INITIAL];
    private int size;

    /** Empties the sink for the next record; lets go of a buffer grown beyond {@link #RETAINED}. */
    void reset() {
        size = 0;
        if (bytes.length > RETAINED) {
            bytes = new byte[INITIAL];
        }
    }

    int capacity() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    @Override
    public void write(int b) {
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(size + len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** Sets the size, after writing into {@link #bytes()} directly up to a capacity {@link #ensure}d. */
    void size(int newSize) {
        size = newSize;
    }

    /** Makes room for {@code capacity} bytes in all; {@link #bytes()} may be a new array afterwards. */
    void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }
}
