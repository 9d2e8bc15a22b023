package dev.kafkaspool.engine.spool.chronicle;

import java.util.Arrays;

/**
 * The records the disk spool dropped beyond its committed position, in ranges ordered by index:
 * a range is the records after index {@code after} up to and including index {@code last}, and
 * how many they are. Chronicle's indexes grow with every record but are not contiguous across
 * files, so a range is told by its two ends and its records are counted as they are dropped.
 * Ranges never touch: one that ends where the next starts is merged with it. Part of
 * {@link ChronicleSpool}.
 *
 * <p><b>Not thread-safe</b>: used under the spool's lock.
 */
final class DroppedRanges {
    private long[] afters = new long[8];
    private long[] lasts = new long[8];
    private long[] counts = new long[8];
    private int size;

    /** The last index of the range right after the record at {@code index}, or {@code index} when none starts there. */
    long endOfRangeAfter(long index) {
        int i = find(index);
        return i >= 0 ? lasts[i] : index;
    }

    /**
     * The record at {@code index} is dropped; it is the first record after {@code after} (the last
     * record read) not dropped yet: the range after {@code after} grows to it, or one starts, and
     * a range that starts at it joins.
     */
    void add(long after, long index) {
        int i = find(after);
        if (i < 0) {
            i = -Arrays.binarySearch(afters, 0, size, after) - 1;
            insert(i, after);
        }
        lasts[i] = index;
        counts[i]++;
        if (i + 1 < size && afters[i + 1] == index) {
            lasts[i] = lasts[i + 1];
            counts[i] += counts[i + 1];
            remove(i + 1, 1);
        }
    }

    /** Forgets the ranges that end at or before {@code index}; returns how many records they held. */
    long removeUpTo(long index) {
        int n = 0;
        long records = 0;
        while (n < size && lasts[n] <= index) {
            records += counts[n];
            n++;
        }
        remove(0, n);
        return records;
    }

    private int find(long after) {
        if (size == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(afters, 0, size, after);
        return i >= 0 ? i : -1;
    }

    private void insert(int i, long after) {
        if (size == afters.length) {
            afters = Arrays.copyOf(afters, size * 2);
            lasts = Arrays.copyOf(lasts, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        System.arraycopy(afters, i, afters, i + 1, size - i);
        System.arraycopy(lasts, i, lasts, i + 1, size - i);
        System.arraycopy(counts, i, counts, i + 1, size - i);
        afters[i] = after;
        lasts[i] = after;
        counts[i] = 0;
        size++;
    }

    private void remove(int from, int n) {
        if (n == 0) {
            return;
        }
        System.arraycopy(afters, from + n, afters, from, size - from - n);
        System.arraycopy(lasts, from + n, lasts, from, size - from - n);
        System.arraycopy(counts, from + n, counts, from, size - from - n);
        size -= n;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DroppedRanges[");
        for (int i = 0; i < size; i++) {
            s.append(i == 0 ? "" : ", ").append(Long.toHexString(afters[i])).append("..")
                    .append(Long.toHexString(lasts[i])).append(" (").append(counts[i]).append(')');
        }
        return s.append(']').toString();
    }
}
