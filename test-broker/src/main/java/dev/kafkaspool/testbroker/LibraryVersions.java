package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * The versions of the libraries on a test's class path, read from their jars, for the checks that
 * a build (the compatibility runs in particular, docs/release.md) ran the tests with the versions it
 * names.
 */
public final class LibraryVersions {

    private LibraryVersions() {
    }

    /**
     * A library on the class path: the Maven property that names the version the build asked for,
     * its artifact, and its version there.
     */
    public record Library(String versionProperty, String artifact, String version) {
    }

    /**
     * The library whose jar holds {@code type}, at the version of that jar's manifest
     * ({@code Implementation-Version}); the build names its version in {@code versionProperty}.
     */
    public static Library of(String versionProperty, String artifact, Class<?> type) {
        Package p = type.getPackage();
        return new Library(versionProperty, artifact, p == null ? null : p.getImplementationVersion());
    }

    /**
     * kafka-clients: its jar has no {@code Implementation-Version} and carries its version in a
     * file of its own; the build names it in {@code kafka-clients.version}.
     */
    public static Library kafkaClients() {
        Properties p = new Properties();
        try (InputStream in = LibraryVersions.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                return new Library("kafka-clients.version", "kafka-clients", null);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Library("kafka-clients.version", "kafka-clients", p.getProperty("version"));
    }

    /**
     * Fails unless each library is at the version the build names: the surefire configuration passes
     * each {@code <versionProperty>} on as the system property {@code expected.<versionProperty>}.
     */
    public static void assertTheBuildsVersions(Library... libraries) {
        assertAll(Arrays.stream(libraries).map(library -> () -> assertEquals(
                System.getProperty("expected." + library.versionProperty), library.version, library.artifact)));
    }
}
