package dev.kafkaspool.security;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.kafkaspool.encoding.Records;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineEvent;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the security tests do and check with a pipeline: log, read back, see events held. */
final class Shipping {

    /** The warning the engine gives when Kafka does not take events. */
    static final String OUTAGE_WARNING = "Kafka is not taking events";

    /** The warning the engine gives when it parks a topic Kafka does not take events for. */
    static final String PARKED_WARNING = "its events are parked";

    private static final Duration READ_WAIT = Duration.ofSeconds(90);

    private Shipping() {
    }

    /** Appends {@code count} events, {@code <prefix> 1...}; each append must be accepted at once. */
    static List<String> log(LogPipeline pipeline, String prefix, int count) {
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String message = prefix + " " + i;
            assertTrue(pipeline.append(new PipelineEvent(message)), "the pipeline accepts " + message);
            messages.add(message);
        }
        return messages;
    }

    /** Appends {@code count} ERROR events, {@code <prefix> 1...}; each append must be accepted at once. */
    static List<String> logErrors(LogPipeline pipeline, String prefix, int count) {
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String message = prefix + " " + i;
            assertTrue(pipeline.append(new PipelineEvent(message) {
                @Override
                public LogLevel level() {
                    return LogLevel.ERROR;
                }
            }), "the pipeline accepts " + message);
            messages.add(message);
        }
        return messages;
    }

    /**
     * Reads {@code topic} (one partition) from its beginning and checks it holds {@code expected}, in
     * that order, once later copies are ignored (an event sent again after its producer was
     * abandoned; the messages are distinct).
     */
    static void assertTopicHoldsInOrder(KafkaBroker broker, String topic, List<String> expected) {
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, expected.size(), READ_WAIT);
        List<String> read = records.stream()
                .map(r -> String.valueOf(Records.parse(new String(r.value(), StandardCharsets.UTF_8)).get("message")))
                .distinct()
                .toList();
        assertEquals(expected, read, "the events in " + topic + ", in logging order");
    }

    /** Reads {@code topic} from its beginning and checks it holds exactly {@code expected}, in any order. */
    static void assertTopicHolds(KafkaBroker broker, String topic, List<String> expected) {
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, expected.size(), READ_WAIT);
        List<String> read = records.stream()
                .map(r -> String.valueOf(Records.parse(new String(r.value(), StandardCharsets.UTF_8)).get("message")))
                .toList();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(read), "the events in " + topic);
        assertEquals(expected.size(), read.size(), "each event once: " + read);
    }

    /**
     * Starts a pipeline named and shipping to {@code topic} at the broker's secured listener with
     * {@code producerProperties}, logs {@code count} events {@code <prefix> 1...}, checks that each
     * arrives once, stops the pipeline and checks that nothing was dropped.
     */
    static void assertShipsEvery(KafkaBroker broker, Map<String, String> producerProperties, Path spoolDir,
            String topic, String prefix, int count, RecordingStatus status) {
        LogPipeline pipeline = SecuredPipeline.start(topic, broker.securedBootstrapServers(), producerProperties,
                spoolDir, topic, status);
        try {
            List<String> logged = log(pipeline, prefix, count);
            assertTopicHolds(broker, topic, logged);
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
        assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
    }

    /** Waits until the engine has warned that Kafka does not take events, and returns that warning. */
    static String awaitOutageWarning(RecordingStatus status) {
        Await.until(() -> status.problems().stream().anyMatch(m -> m.contains(OUTAGE_WARNING)));
        return status.problems().stream().filter(m -> m.contains(OUTAGE_WARNING)).findFirst().orElseThrow();
    }

    /** Checks that none of {@code accepted} events was shipped or dropped: all wait in memory or in the spool. */
    static void assertHeldNotDropped(LogPipeline pipeline, int accepted) {
        EngineStats stats = pipeline.stats();
        assertEquals(0, stats.droppedTotal(), "nothing dropped: " + stats);
        assertEquals(0, stats.shipped(), "nothing shipped: " + stats);
        assertEquals(accepted, stats.accepted(), stats.toString());
    }

    /** Checks that the warning names {@code cause} (compared without case). */
    static void assertNames(String warning, String cause) {
        assertTrue(warning.toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT)),
                "the warning names " + cause + ": " + warning);
    }

    /** Checks that the start-up line with the effective configuration shows each of {@code entries}. */
    static void assertStartupLineShows(RecordingStatus status, String... entries) {
        String startup = status.messages().stream().filter(m -> m.contains("starting:")).findFirst()
                .orElseThrow(() -> new AssertionError("no start-up line: " + status.messages()));
        for (String entry : entries) {
            assertTrue(startup.contains(entry), entry + " in the start-up line: " + startup);
        }
    }

    /**
     * Checks that no status message, and no exception text the listener received, contains any of
     * {@code secrets}; and that the start-up line with the producer properties was seen.
     */
    static void assertNoSecretIn(RecordingStatus status, List<String> secrets) {
        List<String> everything = status.everything();
        assertTrue(everything.stream().anyMatch(m -> m.contains("starting:") && m.contains("producer=")),
                "the start-up line with the effective configuration: " + everything);
        Set<String> leaks = new TreeSet<>();
        for (String line : everything) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), "status lines that show a secret: " + leaks);
    }
}
