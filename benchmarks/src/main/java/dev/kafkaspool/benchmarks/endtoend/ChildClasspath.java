package dev.kafkaspool.benchmarks.endtoend;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The class path of an application's JVM: the runner's own ({@code java.class.path}) without the
 * other framework's jars, so a Logback application has no Log4j and a Log4j 2 application no
 * Logback.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String of(Framework framework) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !belongsToAnotherFramework(Path.of(entry), framework))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean belongsToAnotherFramework(Path entry, Framework framework) {
        for (Framework other : Framework.values()) {
            if (other != framework && other.owns(entry)) {
                return true;
            }
        }
        return false;
    }
}
