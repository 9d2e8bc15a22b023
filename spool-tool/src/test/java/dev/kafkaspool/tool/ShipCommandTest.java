package dev.kafkaspool.tool;

import dev.kafkaspool.engine.SpoolEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ship sends a spool's pending events to a real broker, each to its own topic, and empties the spool. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShipCommandTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    ShipCommandTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void shipDeliversEveryPendingEventToItsTopicAndLeavesTheSpoolEmpty() {
        broker.createTopic("ship-a", 2);
        broker.createTopic("ship-b", 1);
        SpoolEngine earlier = ToolSpools.start(ToolSpools.UNREACHABLE, dir);
        ToolSpools.log(earlier, "ship-a", 1, 600);
        ToolSpools.log(earlier, "ship-b", 601, 1_000);
        assertTrue(earlier.stop(Duration.ofSeconds(30)));
        assertEquals(1_000, earlier.stats().spoolEvents(), earlier.stats().toString());

        ToolResult r = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--producer-property", "linger.ms=5", "--header", "shipped-by=spool-tool", "--timeout", "120s");
        assertEquals(ExitCodes.OK, r.exitCode, r.toString());
        assertTrue(r.out.contains("shipping 1000 event(s)"), r.toString());
        assertTrue(r.out.contains("done: 1000 event(s) shipped; the spool is empty"), r.toString());

        assertEquals(LongStream.rangeClosed(1, 600).boxed().collect(Collectors.toSet()), numbers("ship-a", 600));
        assertEquals(LongStream.rangeClosed(601, 1_000).boxed().collect(Collectors.toSet()), numbers("ship-b", 400));
        ConsumerRecord<byte[], byte[]> one = broker.consume("ship-b", 1, Duration.ofSeconds(60)).get(0);
        assertEquals("spool-tool", new String(one.headers().lastHeader("shipped-by").value(), StandardCharsets.UTF_8));

        ToolResult info = ToolResult.run("info", dir.toString());
        assertTrue(info.out.contains("pending events:   0 ("), info.toString());
        ToolResult again = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", broker.bootstrapServers());
        assertEquals(ExitCodes.OK, again.exitCode, again.toString());
        assertTrue(again.out.contains("nothing to ship"), again.toString());
    }

    @Test
    void shipThatCannotReachKafkaBeforeItsTimeoutSaysHowManyAreLeftAndKeepsThem() {
        ToolSpools.leave(dir, "ship-unreachable", 50);

        ToolResult r = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", ToolSpools.UNREACHABLE,
                "--timeout", "3s");
        assertEquals(ExitCodes.PROBLEM, r.exitCode, r.toString());
        assertTrue(r.err.contains("not finished: 50 event(s) still in the spool"), r.toString());
        assertEquals(50, ToolResult.run("print", dir.toString()).lines().size(), "every event is still there");
    }

    private Set<Long> numbers(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, expected, Duration.ofSeconds(60));
        Set<Long> numbers = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            numbers.add(ToolSpools.numberOf(new String(r.value(), StandardCharsets.UTF_8)));
        }
        assertEquals(expected, records.size(), "records in " + topic + " (duplicates would show here)");
        return numbers;
    }
}
