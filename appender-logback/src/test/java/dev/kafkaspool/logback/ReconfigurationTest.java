package dev.kafkaspool.logback;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.testbroker.Await;
import dev.kafkaspool.testbroker.Delivery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import dev.kafkaspool.testbroker.OpenFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconfiguration (what {@code scan="true"} does when the file changes: reset the context, then
 * configure it again) while a thread logs without pause: the old appender lets go of the spool
 * directory before the new one takes it, every event either appender accepted arrives, and only
 * the new appender's threads are left.
 */
@Tag("broker")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ReconfigurationTest {
    private final KafkaBroker broker;

    @TempDir
    Path dir;

    ReconfigurationTest(KafkaBroker broker) {
        this.broker = broker;
    }

    @Test
    void aReconfigurationUnderLoadLosesNothingAndLeavesOnlyTheNewAppendersThreads() throws Exception {
        broker.createTopic("reconfigured", 3);
        Map<String, String> properties = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "spoolDir", dir.resolve("spool").toString(), "topic", "reconfigured");
        Set<Thread> before = libraryThreads();
        LoggerContext context = Logback.configure("reconfigure.xml", properties);
        reconfigureUnderLoad(context, "reconfigured", before,
                () -> Logback.reconfigure(context, "reconfigure.xml", properties));
    }

    @Test
    void aChangedFileWithScanOnIsPickedUpUnderLoadLosingNothing() throws Exception {
        broker.createTopic("scanned", 3);
        Path file = dir.resolve("logback.xml");
        String text = new String(Logback.class.getResourceAsStream("/logback/reconfigure.xml").readAllBytes(),
                StandardCharsets.UTF_8)
                .replace("<configuration>", "<configuration scan=\"true\" scanPeriod=\"200 milliseconds\">")
                .replace("${KAFKA_BOOTSTRAP_SERVERS}", broker.bootstrapServers())
                .replace("${spoolDir}", dir.resolve("spool").toString())
                .replace("${topic}", "scanned");
        Files.writeString(file, text);
        Set<Thread> before = libraryThreads();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toUri().toURL());
        KafkaSpoolAppender first = Logback.appender(context);
        reconfigureUnderLoad(context, "scanned", before, () -> {
            try {
                Files.writeString(file, text.replace("</appender>", "  <serviceName>v2</serviceName>\n  </appender>"));
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Await.until(() -> Logback.appender(context) != first && Logback.appender(context) != null
                    && Logback.appender(context).isStarted(), Duration.ofSeconds(60),
                    () -> "Logback picked up the change: " + Logback.statuses(context));
        });
    }

    /**
     * Twelve reconfigurations in a row while a thread logs: every event an appender accepted
     * arrives once, one producer is left, and the process holds no more open files and sockets than
     * after the first appender started (an appender left open would hold its spool files and its
     * producer's connection).
     */
    @Test
    void manyReconfigurationsUnderLoadLoseNothingAndLeakNoFiles() throws Exception {
        int reconfigurations = 12;
        broker.createTopic("reconfigured-many", 3);
        Map<String, String> properties = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "spoolDir", dir.resolve("spool").toString(), "topic", "reconfigured-many");
        Set<Thread> before = libraryThreads();
        LoggerContext context = Logback.configure("reconfigure.xml", properties);
        List<KafkaSpoolAppender> appenders = new ArrayList<>(List.of(Logback.appender(context)));
        AtomicBoolean keepLogging = new AtomicBoolean(true);
        Thread logging = new Thread(() -> {
            Logger log = context.getLogger("com.example.Busy");
            long n = 0;
            while (keepLogging.get()) {
                log.info("{}: many reconfigurations", ++n);
                if (n % 50 == 0) {
                    LockSupport.parkNanos(1_000_000L);
                }
            }
        }, "test-logging");
        try {
            logging.start();
            KafkaSpoolAppender first = appenders.get(0);
            Await.until(() -> first.stats().shipped() > 500, Duration.ofSeconds(60), () -> "shipping: " + first.stats());
            long filesAtStart = OpenFiles.count();
            for (int i = 0; i < reconfigurations; i++) {
                Logback.reconfigure(context, "reconfigure.xml", properties);
                KafkaSpoolAppender current = Logback.appender(context);
                appenders.add(current);
                long shippedNow = current.stats().shipped() + current.stats().drained();
                Await.until(() -> current.stats().shipped() + current.stats().drained() > shippedNow + 200,
                        Duration.ofSeconds(60), () -> "the new appender ships: " + current.stats());
            }
            keepLogging.set(false);
            logging.join();
            KafkaSpoolAppender last = appenders.get(appenders.size() - 1);
            Await.until(() -> last.stats().spoolEvents() == 0, Duration.ofSeconds(120),
                    () -> "the spool is shipped: " + last.stats());
            long filesAfter = OpenFiles.count();

            long expected = appenders.stream().map(KafkaSpoolAppender::stats)
                    .mapToLong(st -> st.accepted() - st.droppedTotal()).sum();
            Delivery d = Delivery.of(broker.consume("reconfigured-many", (int) expected, Duration.ofSeconds(120)),
                    Records::message);
            assertEquals(expected, d.eventIds().size(), "every accepted event arrived: " + d);
            assertEquals(d.eventIds().size(), d.numbers().size(), "each once: " + d);
            assertTrue(d.problems().isEmpty(), d.toString());
            assertTrue(appenders.stream().limit(reconfigurations).noneMatch(KafkaSpoolAppender::isStarted));
            Await.until(() -> producerThreads(before).size() == 1, Duration.ofSeconds(60),
                    () -> "one producer is left: " + producerThreads(before));
            assertTrue(filesAfter - filesAtStart < reconfigurations, "open files and sockets: " + filesAtStart
                    + " after the first appender started, " + filesAfter + " after " + reconfigurations
                    + " reconfigurations");
            System.out.println("reconfigured-many: " + d + "; open files " + filesAtStart + " -> " + filesAfter);
        } finally {
            keepLogging.set(false);
            logging.join();
            context.stop();
        }
    }

    /** Logs without pause on one thread while {@code reconfigure} runs on this one, then counts. */
    private void reconfigureUnderLoad(LoggerContext context, String topic, Set<Thread> before, Runnable reconfigure)
            throws InterruptedException {
        KafkaSpoolAppender old = Logback.appender(context);
        AtomicLong logged = new AtomicLong();
        AtomicBoolean keepLogging = new AtomicBoolean(true);
        Thread logging = new Thread(() -> {
            Logger log = context.getLogger("com.example.Busy");
            long n = 0;
            while (keepLogging.get()) {
                n++;
                log.info("{}: under load", n);
                logged.set(n);
                if (n % 20 == 0) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "test-logging");
        try {
            logging.start();
            Await.until(() -> old.stats().shipped() > 1_000, Duration.ofSeconds(60), () -> "shipping: " + old.stats());

            reconfigure.run();
            KafkaSpoolAppender current = Logback.appender(context);
            assertNotSame(old, current);
            assertFalse(old.isStarted());
            assertTrue(current.isStarted());
            assertTrue(current.stats().diskSpool(), "the old appender let go of the spool directory first: "
                    + Logback.statuses(context));

            Await.until(() -> current.stats().accepted() > 2_000, Duration.ofSeconds(60),
                    () -> "the new appender takes events: " + current.stats());
            keepLogging.set(false);
            logging.join();

            EngineStats oldStats = old.stats();
            long expected = oldStats.accepted() - oldStats.droppedTotal()
                    + current.stats().accepted() - current.stats().droppedTotal();
            Await.until(() -> current.stats().spoolEvents() == 0 && current.stats().shipped() + current.stats()
                    .drained() > 0, Duration.ofSeconds(120), () -> "the spool is shipped: " + current.stats());
            Delivery d = Delivery.of(broker.consume(topic, (int) expected, Duration.ofSeconds(120)), Records::message);
            assertEquals(expected, d.eventIds().size(), "every accepted event arrived once: " + d + ", old " + oldStats
                    + ", new " + current.stats());
            assertEquals(d.eventIds().size(), d.numbers().size(), d.toString());
            assertTrue(d.problems().isEmpty(), d.toString());
            assertTrue(d.numbers().size() <= logged.get());
            System.out.println(topic + ": logged " + logged.get() + "; arrived " + d + "; old " + oldStats + "; new "
                    + current.stats());

            Await.until(() -> leftOver(before, current).isEmpty(), Duration.ofSeconds(60),
                    () -> "threads of the old appender left: " + leftOver(before, current));
            Await.until(() -> producerThreads(before).size() == 1, Duration.ofSeconds(60),
                    () -> "one producer is left: " + producerThreads(before));
        } finally {
            keepLogging.set(false);
            logging.join();
            context.stop();
        }
    }

    /**
     * The appenders' threads that are not the current appender's (and were not there before the
     * test). The producer's network thread is named after the client id, the same for both
     * appenders, and {@code isOwnThread} knows it by name: those are counted apart.
     */
    private static List<String> leftOver(Set<Thread> before, KafkaSpoolAppender current) {
        return libraryThreads().stream().filter(t -> !before.contains(t) && !isNetworkThread(t))
                .filter(t -> !current.isOwnThread(t)).map(Thread::getName).collect(Collectors.toList());
    }

    private static List<String> producerThreads(Set<Thread> before) {
        return libraryThreads().stream().filter(t -> !before.contains(t) && isNetworkThread(t))
                .map(Thread::getName).collect(Collectors.toList());
    }

    private static boolean isNetworkThread(Thread t) {
        return t.getName().startsWith("kafka-producer-network-thread");
    }

    private static Set<Thread> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("kafka-spool-")
                        || t.getName().startsWith("kafka-producer-network-thread"))
                .collect(Collectors.toSet());
    }
}
