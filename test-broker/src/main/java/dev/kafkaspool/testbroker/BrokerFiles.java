package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a broker keeps everything: its config files, its log output and its partitions. */
final class BrokerFiles {

    private final Path dataDir;

    private BrokerFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Takes ownership of {@code dataDir}, creating it if needed. It must be empty: the broker
     * formats fresh storage in it and deletes it when closed.
     */
    static BrokerFiles createIn(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            try (Stream<Path> entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("Broker data dir must be empty: " + absolute);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create broker data dir " + absolute, e);
        }
        return new BrokerFiles(absolute);
    }

    /** The directory given to the broker, holding all the files below. */
    Path dataDir() {
        return dataDir;
    }

    /** The broker's {@code log.dirs}: partitions and KRaft metadata. */
    Path storageDir() {
        return dataDir.resolve("data");
    }

    /** The test authority, the broker's and the client's key stores of a secured broker. */
    Path certificatesDir() {
        return dataDir.resolve("certificates");
    }

    /** The broker's configuration. */
    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    /** The logging configuration of the broker's JVMs. */
    Path loggingConfig() {
        return dataDir.resolve("log4j2.properties");
    }

    /** Everything the broker's JVMs print. */
    Path brokerLog() {
        return dataDir.resolve("broker.log");
    }

    /** Adds a line of our own to the broker log, to mark where each broker run begins. */
    void appendToLog(String line) {
        try {
            Files.writeString(brokerLog(), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + brokerLog(), e);
        }
    }

    /** Deletes the data dir and everything in it. */
    void deleteAll() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BrokerFiles::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete broker data dir " + dataDir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
