package dev.kafkaspool.tool;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.engine.StatusListener;
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
 * Spools made by real engine runs for the tool's tests. Event n is the JSON record
 * {@code {"n":<n>,"message":"event <n>"}}, logged at {@link #BASE_MILLIS} + n with the level
 * {@link #levelOf}(n).
 */
final class ToolSpools {
    /** Nothing listens here: an engine pointed at it spools every event. */
    static final String UNREACHABLE = "127.0.0.1:1";
    static final long BASE_MILLIS = 1_700_000_000_000L;

    private ToolSpools() {
    }

    static SpoolEngine start(String bootstrapServers, Path dir) {
        SpoolConfig config = SpoolConfig.builder()
                .set(EngineSettings.NAME, "tool-test")
                .set(EngineSettings.BOOTSTRAP_SERVERS, bootstrapServers)
                .set(EngineSettings.SPOOL_DIR, dir)
                .set(EngineSettings.DURABILITY, Durability.DISK)
                .producerProperty("request.timeout.ms", "5000")
                .producerProperty("delivery.timeout.ms", "10000")
                .build();
        return SpoolEngine.builder(config).status(StatusListener.toStandardError()).start();
    }

    /** Logs events {@code from..to} to {@code topic}. */
    static void log(SpoolEngine engine, String topic, long from, long to) {
        EncodedEvent e = new EncodedEvent();
        for (long n = from; n <= to; n++) {
            byte[] value = json(n).getBytes(StandardCharsets.UTF_8);
            e.sequence(engine.nextSequence()).timestampMillis(BASE_MILLIS + n).level(levelOf(n)).topic(topic)
                    .noKey().value(value, value.length);
            if (!engine.submit(e)) {
                throw new AssertionError("event " + n + " was not taken: " + engine.stats());
            }
        }
    }

    /** An engine with Kafka unreachable logs events 1..count to {@code topic} and stops; all stay pending. */
    static void leave(Path dir, String topic, long count) {
        SpoolEngine engine = start(UNREACHABLE, dir);
        log(engine, topic, 1, count);
        if (!engine.stop(Duration.ofSeconds(30)) || engine.stats().spoolEvents() != count) {
            throw new AssertionError("the engine left " + count + " events in the spool: " + engine.stats());
        }
    }

    static String json(long n) {
        return "{\"n\":" + n + ",\"message\":\"event " + n + "\"}";
    }

    static LogLevel levelOf(long n) {
        return LogLevel.values()[(int) (n % LogLevel.values().length)];
    }

    /** The number in a printed record. */
    static long numberOf(String json) {
        int start = json.indexOf("{\"n\":") + 5;
        return Long.parseLong(json.substring(start, json.indexOf(',', start)));
    }

    static List<Path> queueFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    /** Overwrites the stored value length of event n with a length far beyond the record. */
    static void damageEvent(Path file, long n) throws IOException {
        byte[] data = Files.readAllBytes(file);
        byte[] needle = json(n).getBytes(StandardCharsets.UTF_8);
        int at = indexOf(data, needle);
        if (at < 0) {
            throw new AssertionError("event " + n + " is not in " + file);
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at - 4L);
            f.write(new byte[] {0x7F, 0x7F, 0x7F, 0x7F});
        }
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
