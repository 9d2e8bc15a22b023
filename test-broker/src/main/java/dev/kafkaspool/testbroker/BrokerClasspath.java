package dev.kafkaspool.testbroker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The classpath of the broker's JVMs: the absolute paths of the broker jars, written to the
 * resource {@code broker.classpath} when this module was built. The jars themselves are never on
 * the classpath of the JVM that uses this module.
 */
final class BrokerClasspath {

    private static final String RESOURCE = "broker.classpath";

    private BrokerClasspath() {
    }

    /** The broker classpath, after checking that every jar it lists still exists. */
    static String get() {
        return Holder.CLASSPATH;
    }

    private static String load() {
        String classpath = readResource().strip();
        Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .findFirst()
                .ifPresent(missing -> {
                    throw new IllegalStateException("Broker jar " + missing + " listed in " + RESOURCE
                            + " does not exist: rebuild kafka-spool-test-broker on this machine");
                });
        return classpath;
    }

    private static String readResource() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing: the build of"
                        + " kafka-spool-test-broker did not generate it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /** Loads the classpath once, on first use. */
    private static final class Holder {
        static final String CLASSPATH = load();
    }
}
