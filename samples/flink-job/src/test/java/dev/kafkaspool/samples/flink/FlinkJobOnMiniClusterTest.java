package dev.kafkaspool.samples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.junit.jupiter.api.Tag;
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
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FlinkJobOnMiniClusterTest {
    private static final long ORDERS = 1_000;
    private static final String POD = "order-check-5d8c7b9f6-q2xkz";

    @TempDir
    Path dir;

    @Test
    void theJobsEventsAndFlinksOwnArriveWithThePodAndTheJob(KafkaBroker broker) throws Exception {
        FlinkPods pods = FlinkPods.create(broker, "analytics", dir);
        FlinkJvm job = FlinkJvm.startJob(ORDERS, pods.env(POD), dir.resolve("job-output.txt"));
        try {
            assertEquals(0, job.waitFor(300), () -> "the job's JVM failed; its output:\n" + job.tail());
        } finally {
            job.kill();
        }
        // The JVM has ended, so its appender has stopped: what it shipped is acknowledged by now.
        OrderCheckRecords records = OrderCheckRecords.read(broker, pods.topic());
        System.out.println("FlinkJobOnMiniClusterTest: " + records.all.size() + " records, by logger: "
                + records.countsBy("log.logger"));

        assertFalse(records.all.isEmpty(), () -> "nothing arrived; the job's output:\n" + job.tail());
        records.all.forEach(record -> pods.assertFromPod(POD, record));
        String jobId = records.assertEveryOrderChecked(ORDERS);
        assertTrue(records.hasJobDoneEvent(jobId, ORDERS), "the job's main logged the same id when the job was done");
        // Flink puts the job's id into the logging context of the events of the job's task threads,
        // and of the JobManager's threads that work for the job.
        assertTrue(records.hasJobEventFrom("org.apache.flink.runtime.jobmaster.", jobId),
                "the JobManager's events for the job arrived with its id");
        assertTrue(records.hasJobEventFrom("org.apache.flink.runtime.taskmanager.", jobId),
                "the TaskManager's events for the job arrived with its id");
        // One JVM is both JobManager and TaskManager here: it names neither.
        assertTrue(records.where(record -> record.containsKey("flink.component")).isEmpty());
    }
}
