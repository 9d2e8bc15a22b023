package dev.kafkaspool.samples.demo;

import java.util.Locale;

/** Durations in nanoseconds written for people: {@code 0.42 ms}. */
final class Millis {

    private Millis() {
    }

    static String of(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
