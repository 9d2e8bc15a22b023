package dev.kafkaspool.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The engine's settings, each defined once. Both appenders expose them under these names;
 * producer properties are passed through separately (see {@link ProducerSettings}).
 */
public final class EngineSettings {

    public static final Setting<String> NAME = new Setting<>("name", "text",
            "kafka-spool", "kafka-spool",
            "Names this appender in thread names, the producer's client.id, metrics and status messages.",
            text -> text);

    public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("bootstrapServers",
            "host:port[,host:port...]", null, null,
            "The Kafka brokers to connect to. Required.",
            EngineSettings::checkBootstrapServers);

    public static final Setting<Durability> DURABILITY = new Setting<>("durability", "memory or disk",
            Durability.MEMORY, "memory",
            "memory: events wait in memory while Kafka is healthy and go to the spool when it is not; "
                    + "only a killed process loses what was in memory. disk: every event is written to the "
                    + "spool before the log call returns.",
            ValueParsers::parseDurability);

    public static final Setting<Duration> SYNC_INTERVAL = new Setting<>("syncInterval",
            "duration (e.g. 500ms), or none", Duration.ofMillis(500), "500ms",
            "How soon what the disk spool wrote is forced to the disk (fdatasync), so that a node that loses "
                    + "power loses at most the events of the last interval. none (or 0) leaves it to the operating "
                    + "system, which writes them within about 30 s on Linux. The shipper thread syncs, never a "
                    + "logging thread, and only after something was written; the default bounds a power loss to "
                    + "half a second of events for at most two syncs a second. Applies to whatever the disk spool "
                    + "holds, in both durabilities.",
            ValueParsers::parseSyncInterval);

    public static final Setting<Path> SPOOL_DIR = new Setting<>("spoolDir", "directory path",
            null, "<java.io.tmpdir>/kafka-spool/<name>",
            "Where the spool keeps events Kafka has not acknowledged. In Kubernetes, an emptyDir or a "
                    + "volume. One process owns a directory at a time.",
            Path::of);

    public static final Setting<Long> MAX_BYTES = new Setting<>("maxBytes", "size (e.g. 256MiB)",
            256L << 20, "256MiB",
            "The most the spool holds of unshipped events. When full, fullPolicy applies. Its files take at most "
                    + "about one and a half times this on disk (397 MiB at the default): size the spool's volume for that.",
            text -> requireAtLeast(ValueParsers.parseSize(text), 1L << 20, "1MiB"));

    public static final Setting<FullPolicy> FULL_POLICY = new Setting<>("fullPolicy",
            "dropOldest, dropNewest or block", FullPolicy.DROP_OLDEST, "dropOldest",
            "What happens to a new event when the spool is full: drop the oldest unshipped events not being "
                    + "sent, drop the new one, or let the log call wait up to blockTimeout for room. While Kafka drains a full "
                    + "spool (it answered within blockTimeout), a log call (disk durability) first waits up to "
                    + "blockTimeout for room.",
            ValueParsers::parseFullPolicy);

    public static final Setting<Duration> BLOCK_TIMEOUT = new Setting<>("blockTimeout",
            "duration (e.g. 1s, 1 second, PT1S)", Duration.ofSeconds(1), "1s",
            "The longest a log call waits for room: in a full spool under the block policy or while Kafka "
                    + "drains it, or in a full in-memory queue. Then the event is dropped and counted. While Kafka "
                    + "answers, a full queue waits for it for a tenth of this before it goes to the spool; 0 spools "
                    + "at once.",
            ValueParsers::parseDuration);

    public static final Setting<Long> QUEUE_MAX_BYTES = new Setting<>("queueMaxBytes", "size (e.g. 32MiB)",
            32L << 20, "32MiB",
            "The most the in-memory queue holds of events' bytes (memory durability), whatever their "
                    + "number: a burst of large events waits or is dropped and counted (queueFull) instead of "
                    + "filling the heap. One event larger than this still passes when the queue is empty.",
            text -> requireAtLeast(ValueParsers.parseSize(text), 1L << 20, "1MiB"));

    public static final Setting<Integer> QUEUE_SIZE = new Setting<>("queueSize", "whole number",
            8192, "8192",
            "Slots in the in-memory queue between logging threads and the shipper thread "
                    + "(memory durability). Rounded up to a power of two.",
            text -> requireAtLeast(ValueParsers.parsePositiveInt(text), 64, "64"));

    public static final Setting<Duration> STOP_TIMEOUT = new Setting<>("stopTimeout",
            "duration (e.g. 10s, 10 seconds, PT10S)", Duration.ofSeconds(10), "10s",
            "The longest stop takes to ship what is in memory, and what the spool holds while Kafka takes it; "
                    + "what is left stays in the spool.",
            ValueParsers::parseDuration);

    public static final Setting<Duration> STALL_TIMEOUT = new Setting<>("stallTimeout",
            "duration (e.g. 10s, 10 seconds, PT10S)", Duration.ofSeconds(10), "10s",
            "How long the oldest record sent may wait for Kafka's acknowledgement, counted from its send or "
                    + "from the last acknowledgement before it, whichever is later, before the engine treats Kafka "
                    + "as unavailable and moves what it holds in memory to the spool. A slow broker that keeps "
                    + "acknowledging (a produce quota) is not taken for an outage.",
            text -> requireAtLeast(ValueParsers.parseDuration(text), Duration.ofMillis(100), "100ms"));

    private EngineSettings() {
    }

    /** Every engine setting, in the order the documentation lists them. */
    public static List<Setting<?>> all() {
        return List.of(NAME, BOOTSTRAP_SERVERS, DURABILITY, SYNC_INTERVAL, SPOOL_DIR, MAX_BYTES, FULL_POLICY,
                BLOCK_TIMEOUT, QUEUE_SIZE, QUEUE_MAX_BYTES, STOP_TIMEOUT, STALL_TIMEOUT);
    }

    private static String checkBootstrapServers(String text) {
        for (String server : text.split(",")) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("'" + s + "' has no host:port form");
            }
            try {
                int port = Integer.parseInt(s.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port " + port + " is out of range");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s.substring(colon + 1) + "' is not a port");
            }
        }
        return text;
    }

    private static <T extends Comparable<T>> T requireAtLeast(T value, T minimum, String minimumText) {
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("must be at least " + minimumText);
        }
        return value;
    }
}
