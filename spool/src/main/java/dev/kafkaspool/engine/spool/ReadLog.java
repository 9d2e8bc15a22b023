package dev.kafkaspool.engine.spool;

import java.util.Arrays;

/**
 * The records a spool's reader has handed out but that are not committed yet, oldest first:
 * position, size and timestamp each. A growable ring of primitives, so the shipper's reading
 * allocates nothing per record. <b>Not thread-safe</b>: spools use it under their lock.
 */
public final class ReadLog {
    private long[] positions = new long[1024];
    private int[] sizes = new int[1024];
    private long[] timestamps = new long[1024];
    private int head;
    private int size;

    public void add(long position, int storedBytes, long timestampMillis) {
        if (size == positions.length) {
            grow();
        }
        int i = (head + size) % positions.length;
        positions[i] = position;
        sizes[i] = storedBytes;
        timestamps[i] = timestampMillis;
        size++;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long headPosition() {
        return positions[head];
    }

    public int headSize() {
        return sizes[head];
    }

    public long headTimestamp() {
        return timestamps[head];
    }

    public void removeHead() {
        head = (head + 1) % positions.length;
        size--;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        int n = positions.length;
        long[] p = new long[n * 2];
        int[] s = new int[n * 2];
        long[] t = new long[n * 2];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % n;
            p[k] = positions[i];
            s[k] = sizes[i];
            t[k] = timestamps[i];
        }
        positions = p;
        sizes = s;
        timestamps = t;
        head = 0;
    }

    @Override
    public String toString() {
        return "ReadLog" + Arrays.toString(Arrays.copyOf(positions, Math.min(size, 4)));
    }
}
