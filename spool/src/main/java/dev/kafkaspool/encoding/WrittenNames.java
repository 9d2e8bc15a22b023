package dev.kafkaspool.encoding;

import java.util.Arrays;

/**
 * The field names written so far in one JSON object, so an MDC or key-value entry never repeats
 * or overwrites a name already there. Open addressing over reused arrays: adding allocates
 * nothing once the table has grown to the largest object seen. <b>Not thread-safe.</b>
 */
final class WrittenNames {
    private String[] table = new String[64];
    private int count;

    /** Forgets every name. */
    void clear() {
        if (count > 0) {
            Arrays.fill(table, null);
            count = 0;
        }
    }

    /** Adds a name; false when it was already there. */
    boolean add(String name) {
        if ((count + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = mix(name.hashCode()) & mask;
        while (table[i] != null) {
            if (table[i].equals(name)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = name;
        count++;
        return true;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        count = 0;
        for (String s : old) {
            if (s != null) {
                add(s);
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
