package dev.kafkaspool.samples.demo;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The class path of a service's JVM: the demo's own class path without the other services'
 * logging frameworks, so the Logback service has no Log4j and the Log4j service no Logback.
 */
public final class ServiceClasspath {

    private ServiceClasspath() {
    }

    /** The demo's class path ({@code java.class.path}) with only {@code service}'s framework. */
    public static String of(DemoService service) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !belongsToAnotherService(Path.of(entry), service))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean belongsToAnotherService(Path entry, DemoService service) {
        for (DemoService other : DemoService.values()) {
            if (other != service && other.ownsClasspathEntry(entry)) {
                return true;
            }
        }
        return false;
    }
}
