package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Log4j 2 configuration of the broker's JVMs: INFO and above to the console, which
 * {@link BrokerJvm} sends to the broker log file.
 */
final class BrokerLoggingConfigFile {

    private static final String CONFIG = String.join(System.lineSeparator(),
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.console.ref = console",
            "");

    private BrokerLoggingConfigFile() {
    }

    /** Writes the configuration to {@code file}. */
    static void write(Path file) {
        try {
            Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
