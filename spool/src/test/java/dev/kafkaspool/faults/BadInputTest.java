package dev.kafkaspool.faults;

import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.LogLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.encoding.TestEvent;
import dev.kafkaspool.encoding.Records;
import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.pipeline.PipelineBuilder;
import dev.kafkaspool.engine.RecordingStatus;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile events through the whole pipeline to a real broker: every one becomes a valid JSON
 * record or is dropped with a counted reason, and no log call throws.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BadInputTest {
    private static final int TEN_MIB = 10 << 20;

    private final KafkaBroker broker;
    private final RecordingStatus status = new RecordingStatus();

    @TempDir
    Path dir;

    BadInputTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void hostileEventsBecomeValidRecords() {
        broker.createTopic("bad-input", 1);
        LogPipeline pipeline = start("bad-input", Map.of());
        List<Event> events = new ArrayList<>();
        events.add(new Event("empty", ""));
        events.add(new Event("ten-mib", "x".repeat(TEN_MIB)));
        events.add(new Event("controls", "a\u0000b\u001fc\"d\\e\u2028f\ud800g\udfffh").mdc("bad\u0000key", "\ud83d"));
        events.add(new Event("deep-causes", "deep").thrown(deepChain(20_000)));
        events.add(new Event("cyclic-cause", "cyclic").thrown(cyclic()));
        events.add(new Event("hostile-exception", "hostile").thrown(new HostileException()));
        Event throwing = new Event("throwing-message", "unused");
        throwing.messageFails = true;
        events.add(throwing);
        try {
            for (Event e : events) {
                assertTrue(pipeline.append(e), e.name);
            }
            List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume("bad-input", events.size(),
                    Duration.ofSeconds(60));
            assertEquals(events.size(), arrived.size());
            for (ConsumerRecord<byte[], byte[]> r : arrived) {
                String json = new String(r.value(), StandardCharsets.UTF_8);
                Map<String, Object> fields = Records.parse(json); // strict: fails on invalid JSON
                assertTrue(r.value().length < 1_000_000, "bounded: " + r.value().length);
                assertTrue(fields.containsKey("@timestamp"), json.substring(0, Math.min(200, json.length())));
            }
            String tenMib = new String(arrived.get(1).value(), StandardCharsets.UTF_8);
            assertTrue(tenMib.contains("...[truncated "), "the long message is cut with a marker");
            assertEquals(0, pipeline.stats().droppedTotal(), pipeline.stats().toString());
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRecordLargerThanKafkaTakesIsDroppedAndCountedAndTheNextOneFlows() {
        broker.createTopic("too-large", 1);
        LogPipeline pipeline = start("too-large", Map.of("maxMessageLength", Integer.toString(2 * TEN_MIB)));
        try {
            assertTrue(pipeline.append(new Event("ten-mib", "y".repeat(TEN_MIB))), "taken; Kafka refuses it later");
            assertTrue(pipeline.append(new Event("after", "after the large one")));
            List<ConsumerRecord<byte[], byte[]>> arrived = broker.consume("too-large", 1, Duration.ofSeconds(60));
            assertEquals("after the large one", Records.parse(new String(arrived.get(0).value(),
                    StandardCharsets.UTF_8)).get("message"));
            EngineStats stats = pipeline.stats();
            assertEquals(1, stats.dropped(DropReason.RECORD_TOO_LARGE), stats.toString());
            assertEquals(stats.accepted(), stats.shipped() + stats.droppedTotal(), stats.toString());
        } finally {
            pipeline.stop(Duration.ofSeconds(10));
        }
    }

    private LogPipeline start(String topic, Map<String, String> settings) {
        PipelineBuilder b = LogPipeline.builder().status(status).set("name", topic)
                .set("bootstrapServers", broker.bootstrapServers()).set("spoolDir", dir.resolve(topic).toString())
                .set("topic", topic).set("podInfoDir", dir.resolve("none").toString());
        settings.forEach(b::set);
        return b.start();
    }

    private static Throwable deepChain(int depth) {
        Throwable t = new IllegalStateException("root");
        for (int i = 0; i < depth; i++) {
            t = new RuntimeException("level " + i, t);
        }
        return t;
    }

    private static Throwable cyclic() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        return b;
    }

    /** An exception whose every method a formatter would call throws. */
    private static final class HostileException extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no text for you");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("no frames for you");
        }
    }

    /** One hostile event. */
    private static final class Event extends TestEvent {
        final String name;
        boolean messageFails;

        Event(String name, String message) {
            super(message);
            this.name = name;
            time(1_795_250_096L, 0).logger("bad.input").thread("main");
        }

        @Override
        public Event mdc(String key, String value) {
            super.mdc(key, value);
            return this;
        }

        @Override
        public Event thrown(Throwable t) {
            super.thrown(t).level(t == null ? LogLevel.INFO : LogLevel.ERROR);
            return this;
        }

        @Override
        public void formatMessage(StringBuilder into) {
            if (messageFails) {
                throw new IllegalArgumentException("a parameter's toString() failed");
            }
            super.formatMessage(into);
        }
    }
}
