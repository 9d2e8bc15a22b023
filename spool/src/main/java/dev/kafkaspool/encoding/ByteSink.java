package dev.kafkaspool.encoding;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, growing byte buffer the JSON generator, or {@link ProtoWire} for protobuf records, writes
 * into. <b>Not thread-safe.</b>
 */
final class ByteSink extends OutputStream {
    private byte[] bytes = new byte[4096];
    private int size;

    void reset() {
        size = 0;
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
