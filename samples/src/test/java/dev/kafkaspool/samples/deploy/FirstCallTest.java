package dev.kafkaspool.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.samples.demo.DemoService;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first log call of an application whose logging framework configured itself from the sample
 * files, with Kafka down, in a JVM of its own ({@link FirstCall}): the appender's start has loaded
 * every class that call needs, so the call loads none on the logging thread. Loading classes is
 * what makes a first call slow (milliseconds); the benchmark page has the times.
 *
 * <p>The appenders' warm-ups make their events the way a logger does, so the framework's part of
 * the call is loaded too: with Logback the call loads nothing at all; with Log4j 2 it loads only
 * what its logger configuration sets up inside the call ({@link #LOG4J_CALL_OWN}), which no
 * appender can load before.
 *
 * <p>A disk spool's first record written after the cycle its file was made in ended (every five
 * minutes) also ends that file and moves to the next: the appender's start cannot load the
 * classes of that move without ending a file. The test starts its JVM where a cycle has time left
 * ({@link #awaitTimeLeftInTheCycle}), so that the call it looks at is not also that move.
 */
@Tag("process")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FirstCallTest {
    /**
     * What Log4j 2's logger configuration sets up inside its first call, whatever the appender:
     * its predicates and, without thread-locals, its event factory and the factory's thread-name
     * strategy.
     */
    private static final List<String> LOG4J_CALL_OWN = List.of(
            "org.apache.logging.log4j.core.config.LoggerConfig$LoggerConfigPredicate",
            "org.apache.logging.log4j.core.impl.ReusableLogEventFactory",
            "org.apache.logging.log4j.core.async.ThreadNameCachingStrategy");

    @TempDir
    Path work;

    /**
     * {@code jvmFlag}: none, or Log4j 2 without thread-locals (as in a web application), where its
     * loggers make an event object per call instead of reusing one.
     */
    @ParameterizedTest(name = "{0}, {1} {2}")
    @CsvSource({"ORDERS, dev/kafkaspool/samples/logback/logback.xml, ''",
            "ORDERS, dev/kafkaspool/samples/logback/logback-kubernetes.xml, ''",
            "PAYMENTS, dev/kafkaspool/samples/log4j2/log4j2.xml, ''",
            "PAYMENTS, dev/kafkaspool/samples/log4j2/log4j2.xml, -Dlog4j2.enableThreadlocals=false"})
    void theFirstLogCallLoadsNoClassOfTheAppendPath(DemoService framework, String configuration, String jvmFlag)
            throws Exception {
        awaitTimeLeftInTheCycle();
        Map<String, String> env = new LinkedHashMap<>(PodSpec.deployment().env("first-call-0", "first-call"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort());
        env.put("KAFKA_SPOOL_DIR", work.resolve("spool").toString());
        AppJvm.Builder builder = AppJvm.builder(framework, work).configuration(configuration).env(env)
                .jvmFlag(ClassLoads.JVM_FLAG).mainClass(FirstCall.class);
        if (jvmFlag != null && !jvmFlag.isEmpty()) {
            builder.jvmFlag(jvmFlag);
        }
        try (AppJvm app = builder.start(0, "return", "app")) {
            assertEquals(0, app.awaitExit(), app.stderr());
            assertTrue(app.lines().contains("first call done"), app.lines() + app.stderr());
            List<String> loaded = app.lines().stream().filter(l -> l.startsWith("loaded "))
                    .map(l -> l.substring("loaded ".length())).collect(Collectors.toList());
            System.out.println("FirstCallTest " + framework + " " + configuration + " " + jvmFlag + ": " + loaded);
            List<String> unexpected = framework == DemoService.ORDERS ? loaded
                    : loaded.stream().filter(c -> LOG4J_CALL_OWN.stream().noneMatch(c::startsWith)).collect(Collectors.toList());
            assertEquals(List.of(), unexpected, "classes loaded in the first call: " + loaded);
        }
    }

    /** Waits for the next cycle of the spool's files when the current one ends within 30 s. */
    private static void awaitTimeLeftInTheCycle() throws InterruptedException {
        long cycle = ChronicleSpool.ROLL_CYCLE.lengthInMillis();
        long left = cycle - System.currentTimeMillis() % cycle;
        if (left < TimeUnit.SECONDS.toMillis(30)) {
            Thread.sleep(left + 100);
        }
    }

    /** A local port nobody listens on: Kafka down from the start. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
