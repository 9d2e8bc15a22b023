package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A short-lived process on a slow node (a Kubernetes Job in a container with a small CPU limit):
 * it logs right after its start and stops at once, with Kafka up, before its producer has even
 * opened a connection. The stop ships every event in that run; nothing is left in the spool for a
 * next process that a Job with an {@code emptyDir} never has. Four threads of the child keep both
 * cores busy, so that its producer's network thread gets a small share and takes seconds to open
 * its first connection, as on a starved node. Without the wait for a producer that has not tried
 * yet, the stop left the events in the spool in 2 of the 8 runs tried here (the deterministic check
 * of that rule is {@code StopConnectionTest}'s).
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ColdStartStopTest {
    private static final int EVENTS = 20;
    private static final int BUSY_THREADS = 4;
    private static final Duration BOUND = Duration.ofSeconds(90);

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    ColdStartStopTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void aSlowProcessThatStopsBeforeItsProducerConnectedShipsEverythingInThatRun(Durability durability)
            throws Exception {
        String topic = "cold-start-" + durability;
        broker.createTopic(topic, 1);
        Path spoolDir = dir.resolve("spool");
        Path err = dir.resolve("child.err");
        List<String> flags = new ArrayList<>(ChildApplication.chronicleFlags());
        flags.add("-D" + SpoolingApplication.BUSY_THREADS_PROPERTY + "=" + BUSY_THREADS);
        // Room for a busy test machine: the stop gives up early only on failed attempts, not on a slow start.
        flags.add("-D" + SpoolingApplication.STOP_TIMEOUT_PROPERTY + "=PT30S");
        try (ChildApplication child = ChildApplication.start(flags, broker.bootstrapServers(), spoolDir,
                durability, topic, EVENTS, false, err)) {
            Await.until(() -> child.lastTaken() == EVENTS || !child.isAlive(), BOUND,
                    () -> "the child logs: " + child.lines() + " " + ChildApplication.read(err));
            assertEquals(0, child.stop(), "the child stops cleanly: " + ChildApplication.read(err));
        }
        String said = ChildApplication.read(err);
        System.out.println("the child said, " + durability + ":\n" + said);
        Delivery d = Delivery.of(broker.consume(topic, EVENTS, BOUND));
        assertEquals(List.of(), d.missing(1, EVENTS), d + "\nthe child said: " + said);
        assertFalse(said.contains("stay in the"), said);
        try (SpoolInspection inspection = SpoolInspection.open(spoolDir)) {
            assertEquals(0, inspection.summary().pendingEvents(), "nothing left in the spool: " + said);
        }
    }
}
