package dev.kafkaspool.encoding;

/**
 * Writes instants as ISO-8601 UTC text ({@code 2026-11-21T09:30:00.123Z}, with 3, 6 or 9 fraction
 * digits as the instant's precision needs) into a caller's buffer, without allocating. The date
 * part is computed once per day. <b>Not thread-safe</b>: one per encoder.
 */
final class Timestamps {
    static final int MAX_LENGTH = 30;
    private static final long SECONDS_PER_DAY = 86_400;

    private long cachedDay = Long.MIN_VALUE;
    private final char[] datePart = new char[11];

    /** Writes the instant into {@code out} from 0; returns the length. */
    int format(long epochSecond, int nanos, char[] out) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay) {
            formatDate(day);
            cachedDay = day;
        }
        System.arraycopy(datePart, 0, out, 0, datePart.length);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int p = datePart.length;
        p = two(secondOfDay / 3600, out, p);
        out[p++] = ':';
        p = two(secondOfDay / 60 % 60, out, p);
        out[p++] = ':';
        p = two(secondOfDay % 60, out, p);
        out[p++] = '.';
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
        for (int i = digits - 1; i >= 0; i--) {
            out[p + i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        p += digits;
        out[p++] = 'Z';
        return p;
    }

    /** Writes {@code epochSecond * 1e9 + nanos} as decimal digits; returns the length. */
    static int formatEpochNanos(long epochSecond, int nanos, char[] out) {
        long value = epochSecond * 1_000_000_000L + nanos;
        int len = 0;
        long v = value;
        do {
            out[len++] = (char) ('0' + (int) (v % 10));
            v /= 10;
        } while (v > 0);
        for (int i = 0, j = len - 1; i < j; i++, j--) {
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return len;
    }

    /** Civil date from days since 1970-01-01 (proleptic Gregorian). */
    private void formatDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        int year = (int) y;
        datePart[0] = (char) ('0' + year / 1000 % 10);
        datePart[1] = (char) ('0' + year / 100 % 10);
        datePart[2] = (char) ('0' + year / 10 % 10);
        datePart[3] = (char) ('0' + year % 10);
        datePart[4] = '-';
        two(m, datePart, 5);
        datePart[7] = '-';
        two(d, datePart, 8);
        datePart[10] = 'T';
    }

    private static int two(int value, char[] out, int p) {
        out[p] = (char) ('0' + value / 10);
        out[p + 1] = (char) ('0' + value % 10);
        return p + 2;
    }
}
