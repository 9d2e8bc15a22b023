package dev.kafkaspool.samples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags of a service's JVM: Chronicle Queue's (the parent pom's {@code chronicle.jvm.flags},
 * copied into a resource by the build), a small heap with room for the classes a service loads
 * (without it the JVM runs a full collection when its class metadata first passes about 20 MB,
 * a pause every log call of that moment would show), and on Java 24 and later the flags that
 * acknowledge native access and {@code sun.misc.Unsafe}; then any in the system property
 * {@value #EXTRA_FLAGS_PROPERTY} (separated by spaces), for example to log garbage collection.
 */
final class ChildJvmFlags {

    /** System property: more flags for the services' JVMs, separated by spaces. */
    static final String EXTRA_FLAGS_PROPERTY = "kafkaspool.demo.serviceJvmFlags";

    private static final String RESOURCE = "chronicle-jvm-flags.txt";

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
        String extra = System.getProperty(EXTRA_FLAGS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return flags;
    }

    private static List<String> chronicleFlags() {
        try (InputStream in = ChildJvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing: build the samples module");
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
