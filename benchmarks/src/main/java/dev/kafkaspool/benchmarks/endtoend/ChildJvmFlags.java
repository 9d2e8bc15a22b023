package dev.kafkaspool.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.List;

import dev.kafkaspool.benchmarks.JvmFlags;

/**
 * The JVM flags of every application's JVM, the same for every appender: a fixed 256 MB heap with
 * the serial collector and room for class metadata (so no full collection when it first grows),
 * and Chronicle Queue's flags (the parent pom's {@code chronicle.jvm.flags}, from
 * {@link JvmFlags#fromBuild()}); on Java 24 and later also
 * the flags that allow native access and {@code sun.misc.Unsafe}.
 */
final class ChildJvmFlags {
    private ChildJvmFlags() {
    }

    static List<String> get() {
        List<String> flags = new ArrayList<>(List.of("-Xms256m", "-Xmx256m", "-XX:MetaspaceSize=128m",
                "-XX:+UseSerialGC"));
        flags.addAll(JvmFlags.fromBuild());
        if (Runtime.version().feature() >= 24) {
            flags.add("--enable-native-access=ALL-UNNAMED");
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }
}
