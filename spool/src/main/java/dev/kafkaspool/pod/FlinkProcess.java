package dev.kafkaspool.pod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Flink process this JVM is, read from the command line that started it (the system
 * property {@value #COMMAND_PROPERTY}): Flink's scripts start a JobManager with one of its
 * {@code *ClusterEntrypoint} classes and a TaskManager with {@code TaskManagerRunner} or a
 * {@code *TaskExecutorRunner}, and pass a TaskManager's resource id as
 * {@code -Dtaskmanager.resource-id=<id>} (on Kubernetes, the pod's name). A JVM that is not one of
 * these, such as a local MiniCluster inside an application, gives no fields.
 *
 * <p>The job a log event belongs to is not a property of the process: Flink puts it into the
 * logging context of each event as {@value #JOB_ID_CONTEXT_KEY}, which reaches the record with the
 * rest of the context.
 */
public final class FlinkProcess {
    /** The system property holding the main class and the arguments of the JVM. */
    public static final String COMMAND_PROPERTY = "sun.java.command";
    /** The record field naming the process: {@value #JOB_MANAGER} or {@value #TASK_MANAGER}. */
    public static final String COMPONENT_FIELD = "flink.component";
    /** The record field holding a TaskManager's resource id. */
    public static final String TASK_MANAGER_ID_FIELD = "flink.taskmanager.id";
    /** The logging-context key under which Flink puts the id of the job an event belongs to. */
    public static final String JOB_ID_CONTEXT_KEY = "flink-job-id";
    public static final String JOB_MANAGER = "jobmanager";
    public static final String TASK_MANAGER = "taskmanager";

    private static final String FLINK_PACKAGE = "org.apache.flink.";
    private static final String RESOURCE_ID_OPTION = "taskmanager.resource-id=";

    private FlinkProcess() {
    }

    /**
     * The fields that name the Flink process started by {@code command} ({@value #COMPONENT_FIELD},
     * and {@value #TASK_MANAGER_ID_FIELD} when the command gives it), in that order; empty when
     * {@code command} is {@code null} or not a Flink JobManager or TaskManager.
     */
    public static Map<String, String> fields(String command) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (command == null || command.isBlank()) {
            return fields;
        }
        String[] words = command.trim().split("\\s+");
        String component = component(words[0]);
        if (component == null) {
            return fields;
        }
        fields.put(COMPONENT_FIELD, component);
        String resourceId = TASK_MANAGER.equals(component) ? resourceId(words) : null;
        if (resourceId != null) {
            fields.put(TASK_MANAGER_ID_FIELD, resourceId);
        }
        return fields;
    }

    private static String component(String mainClass) {
        if (!mainClass.startsWith(FLINK_PACKAGE)) {
            return null;
        }
        String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        if (simpleName.endsWith("ClusterEntrypoint") || simpleName.endsWith("ClusterEntryPoint")) {
            return JOB_MANAGER;
        }
        if (simpleName.equals("TaskManagerRunner") || simpleName.endsWith("TaskExecutorRunner")) {
            return TASK_MANAGER;
        }
        return null;
    }

    /** The value of {@code -Dtaskmanager.resource-id=<id>} or {@code -D taskmanager.resource-id=<id>}. */
    private static String resourceId(String[] words) {
        String found = null;
        for (int i = 1; i < words.length; i++) {
            String option = null;
            if (words[i].startsWith("-D" + RESOURCE_ID_OPTION)) {
                option = words[i].substring(2);
            } else if (words[i].equals("-D") && i + 1 < words.length && words[i + 1].startsWith(RESOURCE_ID_OPTION)) {
                option = words[i + 1];
            }
            if (option != null && option.length() > RESOURCE_ID_OPTION.length()) {
                // The last one wins, as in Flink's own parsing of dynamic properties.
                found = option.substring(RESOURCE_ID_OPTION.length());
            }
        }
        return found;
    }
}
