package dev.kafkaspool.samples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample job runs on a local MiniCluster in its own JVM, with the class path of Flink's
 * {@code lib/} plus the appender's jar for Flink, and this sample's {@code log4j-console.properties}.
 * Every event the job logged, and the JobManager's and the TaskManager's own events, arrive in the
 * namespace's topic with the pod's metadata and the id of the job they belong to.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FlinkJobOnMiniClusterTest {
    private static final long ORDERS = 1_000;
    private static final String TOPIC = "logs.analytics";
    private static final Pattern CHECKED = Pattern.compile("order (\\d+) checked");
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    // By name: this JVM has none of Flink's classes, which the job's classes need to load.
    private static final String ORDER_CHECK_LOGGER = "dev.kafkaspool.samples.flink.OrderCheck";
    private static final String JOB_LOGGER = "dev.kafkaspool.samples.flink.OrderCheckJob";

    @TempDir
    Path dir;

    @Test
    void theJobsEventsAndFlinksOwnArriveWithThePodAndTheJob(KafkaBroker broker) throws Exception {
        broker.createTopic(TOPIC, 3);
        Path podInfo = Files.createDirectories(dir.resolve("podinfo"));
        Files.writeString(podInfo.resolve("labels"),
                "app=\"order-check\"\ncomponent=\"jobmanager\"\ntype=\"flink-native-kubernetes\"\n");
        Files.writeString(podInfo.resolve("annotations"), "team=\"analytics\"\n");
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "KAFKA_SPOOL_DIR", dir.resolve("spool").toString(),
                "PODINFO_DIR", podInfo.toString(),
                "FLINK_SERVICE_NAME", "order-check",
                "POD_NAME", "order-check-5d8c7b9f6-q2xkz",
                "POD_NAMESPACE", "analytics",
                "NODE_NAME", "node-a",
                "CONTAINER_NAME", "flink-main-container");

        FlinkJobJvm job = FlinkJobJvm.start(ORDERS, env, dir.resolve("job-output.txt"));
        try {
            assertEquals(0, job.waitFor(300), () -> "the job's JVM failed; its output:\n" + tail(job));
        } finally {
            job.kill();
        }
        // The JVM has ended, so its appender has stopped: what it shipped is acknowledged by now.
        List<Map<String, String>> records = broker.consumeAll(TOPIC, Duration.ofSeconds(60)).stream()
                .map(record -> FlatRecord.of(record.value())).collect(Collectors.toList());
        System.out.println("FlinkJobOnMiniClusterTest: " + records.size() + " records, by logger: "
                + countsBy(records, "log.logger"));

        assertFalse(records.isEmpty(), () -> "nothing arrived; the job's output:\n" + tail(job));
        for (Map<String, String> record : records) {
            assertEquals("order-check-5d8c7b9f6-q2xkz", record.get("kubernetes.pod.name"), record::toString);
            assertEquals("analytics", record.get("kubernetes.namespace"), record::toString);
            assertEquals("node-a", record.get("kubernetes.node.name"), record::toString);
            assertEquals("flink-main-container", record.get("kubernetes.container.name"), record::toString);
            assertEquals("order-check", record.get("kubernetes.labels.app"), record::toString);
            assertEquals("analytics", record.get("kubernetes.annotations.team"), record::toString);
            assertEquals("order-check", record.get("service.name"), record::toString);
        }

        List<Map<String, String>> checks = records.stream()
                .filter(record -> ORDER_CHECK_LOGGER.equals(record.get("log.logger")))
                .collect(Collectors.toList());
        Set<Long> checked = checks.stream().map(record -> CHECKED.matcher(record.get("message")))
                .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).collect(Collectors.toSet());
        assertEquals(LongStream.rangeClosed(1, ORDERS).boxed().collect(Collectors.toSet()), checked,
                "every order's INFO event arrived");
        assertEquals(ORDERS / OrderCheck.OVER_LIMIT_EVERY, count(checks, "WARN"));
        List<Map<String, String>> unpriced = checks.stream().filter(r -> "ERROR".equals(r.get("log.level")))
                .collect(Collectors.toList());
        assertEquals(ORDERS / OrderCheck.UNPRICED_EVERY, unpriced.size());
        for (Map<String, String> error : unpriced) {
            assertEquals(IllegalStateException.class.getName(), error.get("error.type"), error::toString);
            assertTrue(error.get("error.stack_trace").contains("Caused by: java.lang.IllegalArgumentException: "
                    + "currency XTS"), error::toString);
        }

        // Flink puts the job's id into the logging context of the job's events: in task threads, and
        // in the JobManager's threads that work for the job.
        Set<String> jobIds = checks.stream().map(record -> record.get("labels.flink-job-id"))
                .collect(Collectors.toSet());
        assertEquals(1, jobIds.size(), "one job id on all of the job's events: " + jobIds);
        String jobId = jobIds.iterator().next();
        assertTrue(jobId != null && JOB_ID.matcher(jobId).matches(), "a job id: " + jobId);
        assertTrue(records.stream().anyMatch(record -> record.get("log.logger").equals(JOB_LOGGER)
                        && record.get("message").startsWith("Job " + jobId + " checked " + ORDERS + " orders")),
                "the job's main logged the same id when the job was done");
        assertTrue(hasJobEventFrom(records, "org.apache.flink.runtime.jobmaster.", jobId),
                "the JobManager's events for the job arrived with its id");
        assertTrue(hasJobEventFrom(records, "org.apache.flink.runtime.taskmanager.", jobId)
                        || hasJobEventFrom(records, "org.apache.flink.runtime.taskexecutor.", jobId),
                "the TaskManager's events for the job arrived with its id");
    }

    private static boolean hasJobEventFrom(List<Map<String, String>> records, String loggerPrefix, String jobId) {
        return records.stream().anyMatch(record -> record.get("log.logger").startsWith(loggerPrefix)
                && jobId.equals(record.get("labels.flink-job-id")));
    }

    private static long count(List<Map<String, String>> records, String level) {
        return records.stream().filter(record -> level.equals(record.get("log.level"))).count();
    }

    private static Map<String, Long> countsBy(List<Map<String, String>> records, String field) {
        return records.stream().collect(Collectors.groupingBy(record -> String.valueOf(record.get(field)),
                TreeMap::new, Collectors.counting()));
    }

    private static String tail(FlinkJobJvm job) {
        try {
            String output = job.output();
            return output.length() <= 20_000 ? output : output.substring(output.length() - 20_000);
        } catch (java.io.IOException e) {
            return "(output not readable: " + e + ")";
        }
    }
}
