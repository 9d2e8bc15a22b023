package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags of every application's JVM, the same for every appender: a fixed 256 MB heap with
 * the serial collector and room for class metadata (so no full collection when it first grows),
 * and Chronicle Queue's flags (the parent pom's {@code chronicle.jvm.flags}, which the build
 * copies into the resource {@code endtoend/chronicle-jvm-flags.txt}); on Java 24 and later also
 * the flags that allow native access and {@code sun.misc.Unsafe}.
 */
final class ChildJvmFlags {
    private static final String RESOURCE = "/endtoend/chronicle-jvm-flags.txt";

    private ChildJvmFlags() {
    }

    static List<String> get() {
        List<String> flags = new ArrayList<>(List.of("-Xms256m", "-Xmx256m", "-XX:MetaspaceSize=128m",
                "-XX:+UseSerialGC"));
        flags.addAll(chronicleFlags());
        if (Runtime.version().feature() >= 24) {
            flags.add("--enable-native-access=ALL-UNNAMED");
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    private static List<String> chronicleFlags() {
        try (InputStream in = ChildJvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing: build the benchmarks module");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.startsWith("${")) {
                throw new IllegalStateException("Resource " + RESOURCE + " was not filtered by the build");
            }
            return Arrays.asList(text.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
