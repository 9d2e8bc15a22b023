package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Spools left by real engine runs for the inspection tests: an engine whose Kafka is unreachable,
 * in disk durability, logs numbered events and stops, leaving them all pending; and ways to damage
 * the spool file afterwards.
 */
public final class InspectedSpools {
    /** Nothing listens here: the engine spools everything. */
    public static final String UNREACHABLE = "127.0.0.1:1";
    /** Event n is logged at BASE_MILLIS + n. */
    public static final long BASE_MILLIS = 1_700_000_000_000L;
    public static final int PADDING = 100;

    private InspectedSpools() {
    }

    /** An engine on {@code dir} with Kafka unreachable; every event it takes goes to the spool. */
    public static SpoolEngine startUnreachable(Path dir) {
        return TestConfigs.start(TestConfigs.config(UNREACHABLE, dir, Durability.DISK).build(), new RecordingStatus());
    }

    /** Logs events 1..count at BASE_MILLIS + n; the level cycles through every level. */
    public static void log(SpoolEngine engine, String topic, int from, int to) {
        EncodedEvent e = new EncodedEvent();
        for (int n = from; n <= to; n++) {
            byte[] value = TestEvents.valueFor(n, PADDING);
            e.sequence(engine.nextSequence()).timestampMillis(BASE_MILLIS + n).level(levelOf(n)).topic(topic)
                    .noKey().value(value, value.length);
            if (!engine.submit(e)) {
                throw new AssertionError("event " + n + " was not taken: " + engine.stats());
            }
        }
    }

    public static LogLevel levelOf(long n) {
        return LogLevel.values()[(int) (n % LogLevel.values().length)];
    }

    /** Runs an engine with Kafka unreachable that logs events 1..count and stops. */
    public static void leave(Path dir, String topic, int count) {
        SpoolEngine engine = startUnreachable(dir);
        log(engine, topic, 1, count);
        if (!engine.stop(Duration.ofSeconds(30)) || engine.stats().spoolEvents() != count) {
            throw new AssertionError("the engine left " + count + " events in the spool: " + engine.stats());
        }
    }

    /** The spool files, sorted. */
    public static List<Path> queueFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    /** Where event n's value starts in the (single) spool file. */
    public static long offsetOfValue(Path file, long n) throws IOException {
        byte[] data = Files.readAllBytes(file);
        byte[] needle = TestEvents.valueFor(n, PADDING);
        int at = indexOf(data, needle);
        if (at < 0) {
            throw new AssertionError("event " + n + " is not in " + file);
        }
        return at;
    }

    /** Overwrites bytes in the middle of a file, as a bad disk block or a stray write would. */
    public static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
