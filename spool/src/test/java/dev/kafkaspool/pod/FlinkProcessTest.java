package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlinkProcessTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir /opt/flink/conf",
            "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint --job-classname x.Job",
            "org.apache.flink.kubernetes.entrypoint.KubernetesApplicationClusterEntrypoint",
            "org.apache.flink.kubernetes.entrypoint.KubernetesSessionClusterEntrypoint -D rest.port=8081",
            "org.apache.flink.yarn.entrypoint.YarnSessionClusterEntrypoint"})
    void theClusterEntryPointsAreJobManagers(String command) {
        assertEquals(Map.of("flink.component", "jobmanager"), FlinkProcess.fields(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir /opt/flink/conf",
            "org.apache.flink.kubernetes.taskmanager.KubernetesTaskExecutorRunner --configDir /opt/flink/conf",
            "org.apache.flink.yarn.YarnTaskExecutorRunner"})
    void theTaskExecutorRunnersAreTaskManagers(String command) {
        assertEquals(Map.of("flink.component", "taskmanager"), FlinkProcess.fields(command));
    }

    @Test
    void aTaskManagerTakesItsResourceIdFromEitherFormOfTheDynamicProperty() {
        String joined = "org.apache.flink.kubernetes.taskmanager.KubernetesTaskExecutorRunner --configDir"
                + " /opt/flink/conf -Dtaskmanager.memory.network.min=64mb -Dtaskmanager.resource-id=orders-tm-1-1";
        String separate = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner -D taskmanager.cpu.cores=1.0"
                + " -D taskmanager.resource-id=orders-tm-1-2";
        assertEquals(List.of("taskmanager", "orders-tm-1-1"), List.copyOf(FlinkProcess.fields(joined).values()));
        assertEquals(List.of("taskmanager", "orders-tm-1-2"), List.copyOf(FlinkProcess.fields(separate).values()));
    }

    @Test
    void aJobManagerHasNoTaskManagerId() {
        assertEquals(Map.of("flink.component", "jobmanager"), FlinkProcess.fields(
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"
                        + " -Dtaskmanager.resource-id=not-mine"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "com.example.orders.OrdersJob --parallelism 2",
            "org.apache.flink.client.cli.CliFrontend run job.jar", "/opt/app/service.jar",
            "com.example.TaskManagerRunner", "org.apache.flink.runtime.taskexecutor.TaskManagerRunnerTest"})
    void anyOtherProcessGivesNoFields(String command) {
        assertEquals(Map.of(), FlinkProcess.fields(command));
    }

    @Test
    void anUnknownCommandGivesNoFields() {
        assertEquals(Map.of(), FlinkProcess.fields(null));
    }
}
