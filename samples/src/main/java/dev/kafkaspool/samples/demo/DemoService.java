package dev.kafkaspool.samples.demo;

import dev.kafkaspool.samples.log4j2.PaymentsService;
import dev.kafkaspool.samples.logback.OrdersService;
import java.nio.file.Path;
import java.util.List;

/**
 * The two sample services the demo runs, each in its own JVM with only its own logging framework
 * on the class path.
 */
public enum DemoService {

    /** Logs through SLF4J and Logback with {@code logback.xml}. */
    ORDERS("orders", "Logback", OrdersService.class.getName(),
            "-Dlogback.configurationFile=dev/kafkaspool/samples/logback/logback.xml",
            List.of("logback-", "kafka-spool-logback", "appender-logback")),

    /** Logs through the Log4j 2 API with {@code log4j2.xml}. */
    PAYMENTS("payments", "Log4j 2", PaymentsService.class.getName(),
            "-Dlog4j2.configurationFile=dev/kafkaspool/samples/log4j2/log4j2.xml",
            List.of("log4j-", "kafka-spool-log4j2", "appender-log4j2"));

    private final String serviceName;
    private final String framework;
    private final String mainClass;
    private final String configurationFlag;
    private final List<String> frameworkEntries;

    DemoService(String serviceName, String framework, String mainClass, String configurationFlag,
            List<String> frameworkEntries) {
        this.serviceName = serviceName;
        this.framework = framework;
        this.mainClass = mainClass;
        this.configurationFlag = configurationFlag;
        this.frameworkEntries = frameworkEntries;
    }

    /** The service's name: {@code service.name} in its records, and its container's name. */
    String serviceName() {
        return serviceName;
    }

    /** The logging framework it uses, for people to read. */
    String framework() {
        return framework;
    }

    String mainClass() {
        return mainClass;
    }

    /** The system property that points the framework at the service's configuration file. */
    public String configurationFlag() {
        return configurationFlag;
    }

    /**
     * Whether a class path entry belongs to this service's logging framework (its jars, or its
     * kafka-spool appender as a jar or a module's classes directory).
     */
    boolean ownsClasspathEntry(Path entry) {
        String text = entry.toString().replace('\\', '/');
        String fileName = entry.getFileName() == null ? "" : entry.getFileName().toString();
        for (String mark : frameworkEntries) {
            if (fileName.startsWith(mark) || text.contains("/" + mark + "/")) {
                return true;
            }
        }
        return false;
    }
}
