package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads log flat out, in a child JVM with a 256 MiB heap, while the broker is killed with -9
 * and restarted: no deadlock, the heap in use after a full collection (taken once a second) stays
 * under a quarter of the heap, every event is shipped or dropped with a reason, every acknowledged event is
 * in the topic (counted by distinct event id, so copies do not count twice), and no thread is left
 * after stop. Runs {@value #DEFAULT_SECONDS} seconds in the normal build;
 * {@code -Dkafkaspool.stressSeconds=60} runs the full minute.
 */
@Tag("process")
@Tag("slow")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ManyThreadsTest {
    static final int DEFAULT_SECONDS = 30;
    private static final int THREADS = 64;
    private static final String TOPIC = "many-threads";
    /**
     * A quarter of the child's 256 MiB heap: the producer's 32 MiB buffer and as much again for the
     * ring and everything else; whatever the load, the rest waits in the disk spool or is dropped.
     */
    private static final long LIVE_HEAP_BOUND_BYTES = 64L << 20;

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    ManyThreadsTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void sixtyFourThreadsThroughABrokerKillAndRestart() throws Exception {
        int seconds = Integer.getInteger("kafkaspool.stressSeconds", DEFAULT_SECONDS);
        broker.createTopic(TOPIC, 8);
        Process child = startChild(seconds);
        Map<String, String> result = new HashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.equals("second " + seconds / 3)) {
                    broker.kill();
                } else if (line.equals("second " + 2 * seconds / 3)) {
                    broker.restart();
                } else if (line.startsWith("result ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            result.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
            }
        }
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child ends");
        System.out.println("ManyThreadsTest " + THREADS + " threads, " + seconds + " s: " + result);
        String diagnostics = output + "\n" + tail(dir.resolve("child.err"));
        assertEquals(0, child.exitValue(), diagnostics);
        assertEquals("true", result.get("loggersEnded"), "no logging thread hung: " + diagnostics);

        long calls = Long.parseLong(result.get("calls"));
        long accepted = Long.parseLong(result.get("accepted"));
        long shipped = Long.parseLong(result.get("shipped"));
        long dropped = Long.parseLong(result.get("dropped"));
        assertTrue(calls > THREADS, diagnostics);
        assertEquals(calls, accepted, "every log call reached the engine: " + diagnostics);
        assertEquals(accepted, shipped + dropped, "every event shipped or dropped with a reason: " + diagnostics);
        assertEquals("0", result.get("spoolEvents"), diagnostics);
        assertEquals("true", result.get("stopped"), diagnostics);
        long liveHeapPeak = Long.parseLong(result.get("liveHeapPeakBytes"));
        assertTrue(liveHeapPeak <= LIVE_HEAP_BOUND_BYTES, "the heap in use after a full collection stays under "
                + (LIVE_HEAP_BOUND_BYTES >> 20) + " MiB: " + liveHeapPeak + " bytes; " + diagnostics);
        assertEquals("0", result.get("leftoverThreads"), "no thread left after stop: " + diagnostics);
        long distinct = distinctEventIds(broker.consumeAll(TOPIC, Duration.ofMinutes(3)));
        System.out.println("ManyThreadsTest distinct event ids in the topic: " + distinct);
        assertTrue(distinct >= shipped, "every acknowledged event is in the topic: " + distinct + " distinct event ids, "
                + shipped + " shipped; " + diagnostics);
        assertTrue(distinct <= accepted, "nothing in the topic that was not logged: " + distinct
                + " distinct event ids, " + accepted + " accepted");
    }

    private static long distinctEventIds(List<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Header id = r.headers().lastHeader(Arrivals.EVENT_ID_HEADER);
            assertNotNull(id, "every record carries an event id");
            ids.add(new String(id.value(), StandardCharsets.US_ASCII));
        }
        return ids.size();
    }

    private Process startChild(int seconds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(InheritedJvmFlags.get());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ManyThreadsApplication.class.getName());
        command.add(broker.bootstrapServers());
        command.add(dir.resolve("spool").toString());
        command.add(TOPIC);
        command.add(Integer.toString(THREADS));
        command.add(Integer.toString(seconds));
        return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
