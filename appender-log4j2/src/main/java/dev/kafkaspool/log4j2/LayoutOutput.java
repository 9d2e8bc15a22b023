package dev.kafkaspool.log4j2;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.ByteBufferDestinationHelper;

/**
 * Collects what a Log4j {@code Layout} encodes for one event into a growing byte array that is
 * reused for the next event: a layout that encodes garbage-free stays garbage-free here.
 *
 * <p><b>Not thread-safe:</b> one per logging thread.
 */
final class LayoutOutput implements ByteBufferDestination {
    private static final int BUFFER_SIZE = 8 * 1024;
    /** The most kept between events: an array grown for a large event is let go at the next. */
    static final int RETAINED = 64 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private byte[] bytes = new byte[BUFFER_SIZE];
    private int length;

    /** Empties the output for the next event, letting go of an array grown beyond {@link #RETAINED}. */
    void reset() {
        buffer.clear();
        length = 0;
        if (bytes.length > RETAINED) {
            bytes = new byte[BUFFER_SIZE];
        }
    }

    int capacity() {
        return bytes.length;
    }

    /** Moves what the buffer holds into the array; call when the layout is done. */
    byte[] bytes() {
        drain(buffer);
        return bytes;
    }

    int length() {
        return length;
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer buf) {
        buf.flip();
        int n = buf.remaining();
        ensureRoom(n);
        buf.get(bytes, length, n);
        length += n;
        buf.clear();
        return buf;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, this);
    }

    @Override
    public void writeBytes(byte[] data, int offset, int len) {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, offset, len, this);
    }

    private void ensureRoom(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
