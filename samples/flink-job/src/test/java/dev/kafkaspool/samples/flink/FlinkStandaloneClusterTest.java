package dev.kafkaspool.samples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A Flink session cluster as Flink's own scripts start one, each process in its own JVM with Flink's
 * {@code lib/} plus the appender's jar for Flink: a JobManager, a TaskManager, and the client that
 * submits the sample job ({@code flink run}). The job runs on the TaskManager; then the JobManager
 * and the TaskManager are stopped with SIGTERM, as Kubernetes stops a pod. Each process's events
 * arrive with its own pod's metadata and say which Flink process it is, the job's events carry the
 * job's id, and the events Flink logs on SIGTERM arrive too (the appender stops after them).
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FlinkStandaloneClusterTest {
    private static final long ORDERS = 1_000;
    private static final String JOB_MANAGER_POD = "order-check-jobmanager-6f7c9d5b8-jm4xk";
    private static final String TASK_MANAGER_POD = "order-check-taskmanager-1-1";
    private static final String CLIENT_POD = "order-check-submitter-x7k2p";
    private static final String SIGTERM = "RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.";
    /**
     * The resources of the TaskManager, which Flink's scripts compute from the configuration and
     * pass on its command line in this form.
     */
    private static final List<String> TASK_MANAGER_RESOURCES = List.of(
            "-D", "taskmanager.cpu.cores=2.0",
            "-D", "taskmanager.memory.framework.heap.size=128mb",
            "-D", "taskmanager.memory.framework.off-heap.size=128mb",
            "-D", "taskmanager.memory.task.heap.size=192mb",
            "-D", "taskmanager.memory.task.off-heap.size=0b",
            "-D", "taskmanager.memory.network.min=64mb",
            "-D", "taskmanager.memory.network.max=64mb",
            "-D", "taskmanager.memory.managed.size=64mb",
            "-D", "taskmanager.memory.jvm-metaspace.size=256mb",
            "-D", "taskmanager.memory.jvm-overhead.min=192mb",
            "-D", "taskmanager.memory.jvm-overhead.max=192mb");

    @TempDir
    Path dir;

    @Test
    void eachProcessNamesItselfAndTheJobsEventsCarryItsId(KafkaBroker broker) throws Exception {
        FlinkPods pods = FlinkPods.create(broker, "streaming", dir);
        Path conf = writeFlinkConfig(Files.createDirectories(dir.resolve("conf")));
        FlinkJvm jobManager = FlinkJvm.startFlink(List.of(
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "--configDir", conf.toString()),
                pods.env(JOB_MANAGER_POD), dir.resolve("jobmanager-output.txt"));
        FlinkJvm taskManager = null;
        FlinkJvm client = null;
        try {
            List<String> taskManagerCommand = new ArrayList<>(List.of(
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "--configDir", conf.toString()));
            taskManagerCommand.addAll(TASK_MANAGER_RESOURCES);
            taskManagerCommand.add("-Dtaskmanager.resource-id=" + TASK_MANAGER_POD);
            taskManager = FlinkJvm.startFlink(taskManagerCommand, pods.env(TASK_MANAGER_POD),
                    dir.resolve("taskmanager-output.txt"));
            Map<String, String> clientEnv = pods.env(CLIENT_POD);
            clientEnv.put("FLINK_CONF_DIR", conf.toString());
            client = FlinkJvm.startFlink(List.of("org.apache.flink.client.cli.CliFrontend", "run",
                    FlinkJvm.jobJar(dir.resolve("order-check.jar")).toString(), Long.toString(ORDERS)),
                    clientEnv, dir.resolve("client-output.txt"));
            FlinkJvm submitted = client;
            FlinkJvm tm = taskManager;
            assertEquals(0, client.waitFor(180), () -> "flink run failed; its output:\n" + submitted.tail()
                    + "\nthe JobManager's:\n" + jobManager.tail() + "\nthe TaskManager's:\n" + tm.tail());

            taskManager.stop(60);
            jobManager.stop(60);
            assertFalse(taskManager.isAlive() || jobManager.isAlive());
        } finally {
            for (FlinkJvm jvm : new FlinkJvm[] {client, taskManager, jobManager}) {
                if (jvm != null) {
                    jvm.kill();
                }
            }
        }

        OrderCheckRecords records = OrderCheckRecords.read(broker, pods.topic());
        System.out.println("FlinkStandaloneClusterTest: " + records.all.size() + " records, by pod: "
                + records.countsBy("kubernetes.pod.name") + ", by process: " + records.countsBy("flink.component"));
        String jobId = records.assertEveryOrderChecked(ORDERS);

        List<Map<String, String>> fromJobManager = records.fromPod(JOB_MANAGER_POD);
        List<Map<String, String>> fromTaskManager = records.fromPod(TASK_MANAGER_POD);
        List<Map<String, String>> fromClient = records.fromPod(CLIENT_POD);
        assertEquals(records.all.size(), fromJobManager.size() + fromTaskManager.size() + fromClient.size(),
                "every record names one of the three pods");
        for (Map<String, String> record : fromJobManager) {
            pods.assertFromPod(JOB_MANAGER_POD, record);
            assertEquals("jobmanager", record.get("flink.component"), record::toString);
            assertNull(record.get("flink.taskmanager.id"), record::toString);
        }
        for (Map<String, String> record : fromTaskManager) {
            pods.assertFromPod(TASK_MANAGER_POD, record);
            assertEquals("taskmanager", record.get("flink.component"), record::toString);
            assertEquals(TASK_MANAGER_POD, record.get("flink.taskmanager.id"), record::toString);
        }
        for (Map<String, String> record : fromClient) {
            pods.assertFromPod(CLIENT_POD, record);
            assertNull(record.get("flink.component"), "the client is neither: " + record);
        }

        assertTrue(fromTaskManager.stream().filter(r -> OrderCheckRecords.ORDER_CHECK_LOGGER.equals(r.get("log.logger")))
                .count() >= ORDERS, "the job's tasks ran on the TaskManager");
        assertTrue(records.hasJobEventFrom("org.apache.flink.runtime.jobmaster.", jobId),
                "the JobManager's events for the job carry its id");
        assertTrue(records.hasJobEventFrom("org.apache.flink.runtime.taskmanager.", jobId),
                "the TaskManager's events for the job carry its id");
        assertTrue(fromClient.stream().anyMatch(r -> OrderCheckRecords.JOB_LOGGER.equals(r.get("log.logger"))),
                "flink run ran the job's main in the client");
        assertTrue(records.hasJobDoneEvent(jobId, ORDERS), "the job's main logged the job's id when it was done");
        assertTrue(fromJobManager.stream().anyMatch(r -> SIGTERM.equals(r.get("message"))),
                "the JobManager's last events, after SIGTERM, arrived");
        assertTrue(fromTaskManager.stream().anyMatch(r -> SIGTERM.equals(r.get("message"))),
                "the TaskManager's last events, after SIGTERM, arrived");
    }

    /** A session cluster on this machine's loopback, on free ports, with small memory settings. */
    private static Path writeFlinkConfig(Path conf) throws IOException {
        String config = String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: localhost",
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.host: localhost",
                "taskmanager.bind-host: localhost",
                "taskmanager.memory.process.size: 1024m",
                "taskmanager.numberOfTaskSlots: 2",
                "parallelism.default: 2",
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "rest.port: " + freePort(),
                "");
        Files.writeString(conf.resolve("config.yaml"), config);
        return conf;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
