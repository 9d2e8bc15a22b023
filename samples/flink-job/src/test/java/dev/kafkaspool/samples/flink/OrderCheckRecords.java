package dev.kafkaspool.samples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.kafkaspool.testbroker.KafkaBroker;

/** The records of a topic the sample job logged to, flattened, and the checks both Flink tests make on them. */
final class OrderCheckRecords {
    // By name: the test JVM has none of Flink's classes, which the job's classes need to load.
    static final String ORDER_CHECK_LOGGER = "dev.kafkaspool.samples.flink.OrderCheck";
    static final String JOB_LOGGER = "dev.kafkaspool.samples.flink.OrderCheckJob";

    private static final Pattern CHECKED = Pattern.compile("order (\\d+) checked");
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    final List<Map<String, String>> all;

    private OrderCheckRecords(List<Map<String, String>> all) {
        this.all = all;
    }

    /** Everything in {@code topic} (call it once the processes that log to it have ended). */
    static OrderCheckRecords read(KafkaBroker broker, String topic) {
        return new OrderCheckRecords(broker.consumeAll(topic, Duration.ofSeconds(60)).stream()
                .map(record -> FlatRecord.of(record.value())).collect(Collectors.toList()));
    }

    List<Map<String, String>> where(Predicate<Map<String, String>> condition) {
        return all.stream().filter(condition).collect(Collectors.toList());
    }

    List<Map<String, String>> fromPod(String podName) {
        return where(record -> podName.equals(record.get("kubernetes.pod.name")));
    }

    /**
     * Checks that the job's events of {@code orders} orders all arrived, at their levels and with
     * their exceptions, each with the same job id in {@code labels.flink-job-id}, and returns that id.
     */
    String assertEveryOrderChecked(long orders) {
        List<Map<String, String>> checks = where(record -> ORDER_CHECK_LOGGER.equals(record.get("log.logger")));
        Set<Long> checked = checks.stream().map(record -> CHECKED.matcher(record.get("message")))
                .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).collect(Collectors.toSet());
        assertEquals(LongStream.rangeClosed(1, orders).boxed().collect(Collectors.toSet()), checked,
                "every order's INFO event arrived");
        assertEquals(orders / OrderCheck.OVER_LIMIT_EVERY, count(checks, "WARN"), "the WARN events");
        List<Map<String, String>> unpriced = checks.stream().filter(r -> "ERROR".equals(r.get("log.level")))
                .collect(Collectors.toList());
        assertEquals(orders / OrderCheck.UNPRICED_EVERY, unpriced.size(), "the ERROR events");
        for (Map<String, String> error : unpriced) {
            assertEquals(IllegalStateException.class.getName(), error.get("error.type"), error::toString);
            assertTrue(error.get("error.stack_trace").contains("Caused by: java.lang.IllegalArgumentException: "
                    + "currency XTS"), error::toString);
        }
        Set<String> jobIds = checks.stream().map(record -> String.valueOf(record.get("labels.flink-job-id")))
                .collect(Collectors.toSet());
        assertEquals(1, jobIds.size(), "one job id on all of the job's events: " + jobIds);
        String jobId = jobIds.iterator().next();
        assertTrue(JOB_ID.matcher(jobId).matches(), "a job id: " + jobId);
        return jobId;
    }

    /** Whether an event of a logger under {@code loggerPrefix} carries {@code jobId}. */
    boolean hasJobEventFrom(String loggerPrefix, String jobId) {
        return all.stream().anyMatch(record -> record.get("log.logger").startsWith(loggerPrefix)
                && jobId.equals(record.get("labels.flink-job-id")));
    }

    /** Whether the job's main logged, when the job was done, the id the job's events carry. */
    boolean hasJobDoneEvent(String jobId, long orders) {
        return all.stream().anyMatch(record -> JOB_LOGGER.equals(record.get("log.logger"))
                && record.get("message").startsWith("Job " + jobId + " checked " + orders + " orders"));
    }

    Map<String, Long> countsBy(String field) {
        return all.stream().collect(Collectors.groupingBy(record -> String.valueOf(record.get(field)),
                TreeMap::new, Collectors.counting()));
    }

    private static long count(List<Map<String, String>> records, String level) {
        return records.stream().filter(record -> level.equals(record.get("log.level"))).count();
    }
}
