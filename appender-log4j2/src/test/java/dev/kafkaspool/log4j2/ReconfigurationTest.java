package dev.kafkaspool.log4j2;

import dev.kafkaspool.engine.EngineState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import dev.kafkaspool.pipeline.LogPipeline;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import dev.kafkaspool.testbroker.OpenFiles;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Log4j reconfigurations (as monitorInterval triggers them) while events are logged. */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReconfigurationTest {
    private static final int EVENTS = 20_000;

    private final KafkaBroker broker;

    @TempDir
    Path dir;

    ReconfigurationTest(KafkaBroker broker) {
        this.broker = broker;
    }

    private Log4jTestContext log4j(String topic) {
        return new Log4jTestContext("kafka-spool.xml")
                .with("bootstrapServers", broker.bootstrapServers())
                .with("spoolDir", dir.resolve("spool").toString())
                .with("topic", topic)
                .with("serviceName", "orders-v1");
    }

    @Test
    void theSameSettingsKeepTheRunningPipeline() {
        broker.createTopic("reconfig.same", 1);
        try (Log4jTestContext log4j = log4j("reconfig.same").start()) {
            KafkaSpoolAppender before = log4j.appender("kafka");
            LogPipeline pipeline = before.manager().pipeline();
            log4j.logger("app").info("before the reconfiguration");
            log4j.reconfigure();
            KafkaSpoolAppender after = log4j.appender("kafka");
            assertNotSame(before, after, "Log4j made a new appender");
            assertSame(pipeline, after.manager().pipeline(), "which writes to the same pipeline");
            log4j.logger("app").info("after the reconfiguration");
            assertEquals(Set.of("before the reconfiguration", "after the reconfiguration"), TopicMessages.messages(
                    TopicMessages.await(broker, "reconfig.same", m -> m.contains("the reconfiguration"), 2)));
            assertEquals(1, shipperThreads());
        }
    }

    @Test
    void changedSettingsUnderLoadLoseNothingAndLeaveNoThreads() throws Exception {
        broker.createTopic("reconfig.load", 2);
        try (Log4jTestContext log4j = log4j("reconfig.load").start()) {
            LogPipeline first = log4j.appender("kafka").manager().pipeline();
            Logger logger = log4j.logger("app");
            Thread load = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    logger.info("under load {}", i);
                }
            }, "load");
            load.start();
            log4j.reconfigure();
            log4j.with("serviceName", "orders-v2").reconfigure();
            awaitShipping(log4j);
            log4j.with("serviceName", "orders-v3").reconfigure();
            awaitShipping(log4j);
            load.join();

            KafkaSpoolAppender appender = log4j.appender("kafka");
            assertNotSame(first, appender.manager().pipeline(), "the changed settings started a new pipeline");
            assertTrue(appender.stats().diskSpool(), "which opened the spool directory the old one released");
            assertEquals(1, shipperThreads(), "one pipeline runs: " + LibraryThreads.alive());
            logger.info("after the changes");

            Set<String> expected = new LinkedHashSet<>();
            for (int i = 0; i < EVENTS; i++) {
                expected.add("under load " + i);
            }
            expected.add("after the changes");
            List<Map<String, Object>> records = TopicMessages.await(broker, "reconfig.load",
                    m -> m.startsWith("under load ") || m.equals("after the changes"), EVENTS + 1);
            assertEquals(expected, TopicMessages.messages(records));
            assertEquals(List.of("orders-v3"), records.stream().filter(r -> r.get("message").equals("after the changes"))
                    .map(r -> r.get("service.name")).distinct().collect(Collectors.toList()));

            log4j.stop();
            assertEquals(List.of(), LibraryThreads.aliveAfterSettling(),
                    () -> "threads left after stop:" + LibraryThreads.describe());
        }
    }

    /**
     * Twelve changes of the settings in a row while a thread logs without pause: every event
     * arrives, one pipeline runs at the end, and the process holds no more open files and sockets
     * than after the first one (a pipeline left open would hold its spool files and its producer's
     * connection).
     */
    @Test
    void manyChangesUnderLoadLoseNothingAndLeakNoFiles() throws Exception {
        int changes = 12;
        broker.createTopic("reconfig.many", 2);
        try (Log4jTestContext log4j = log4j("reconfig.many").start()) {
            Logger logger = log4j.logger("app");
            AtomicBoolean keepLogging = new AtomicBoolean(true);
            AtomicInteger logged = new AtomicInteger();
            Thread load = new Thread(() -> {
                while (keepLogging.get()) {
                    logger.info("many changes {}", logged.getAndIncrement());
                    if (logged.get() % 50 == 0) {
                        LockSupport.parkNanos(1_000_000L);
                    }
                }
            }, "load");
            load.start();
            awaitShipping(log4j);
            long filesAtStart = OpenFiles.count();
            for (int i = 2; i <= changes + 1; i++) {
                log4j.with("serviceName", "orders-v" + i).reconfigure();
                awaitShipping(log4j);
            }
            keepLogging.set(false);
            load.join();
            long filesAfterChanges = OpenFiles.count();

            Set<String> expected = new LinkedHashSet<>();
            for (int i = 0; i < logged.get(); i++) {
                expected.add("many changes " + i);
            }
            List<Map<String, Object>> records = TopicMessages.await(broker, "reconfig.many",
                    m -> m.startsWith("many changes "), logged.get());
            assertEquals(expected, TopicMessages.messages(records));
            assertEquals(1, shipperThreads(), "one pipeline runs: " + LibraryThreads.alive());
            assertTrue(filesAfterChanges - filesAtStart < changes, "open files and sockets: " + filesAtStart
                    + " after the first pipeline started, " + filesAfterChanges + " after " + changes + " more");
            System.out.println("reconfig.many: " + logged.get() + " events over " + changes + " changes; open files "
                    + filesAtStart + " -> " + filesAfterChanges);

            log4j.stop();
            assertEquals(List.of(), LibraryThreads.aliveAfterSettling(),
                    () -> "threads left after stop:" + LibraryThreads.describe());
        }
    }

    /** A pipeline replaced right after it started leaves no thread of the library, the Kafka producer's included. */
    @Test
    void aPipelineReplacedRightAfterItStartedLeavesNoThreads() {
        broker.createTopic("reconfig.quick", 1);
        try (Log4jTestContext log4j = log4j("reconfig.quick").start()) {
            awaitShipping(log4j);
            log4j.with("serviceName", "orders-v2").reconfigure();
            log4j.with("serviceName", "orders-v3").reconfigure();
            log4j.stop();
            assertEquals(List.of(), LibraryThreads.aliveAfterSettling(),
                    () -> "threads left after stop:" + LibraryThreads.describe());
        }
    }

    /** Waits (bounded only by the test's timeout) until the pipeline running now ships to Kafka. */
    private static void awaitShipping(Log4jTestContext log4j) {
        log4j.logger("app").info("shipping?");
        Await.until(() -> log4j.appender("kafka").manager().pipeline().state() == EngineState.SHIPPING);
    }

    private static long shipperThreads() {
        return LibraryThreads.alive().stream().filter(n -> n.endsWith("-shipper")).count();
    }
}
