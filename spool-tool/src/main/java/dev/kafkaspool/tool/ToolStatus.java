package dev.kafkaspool.tool;

import dev.kafkaspool.engine.StatusListener;
import java.io.PrintStream;


/**
 * The engine's status messages during {@code ship}: warnings and errors go to standard error,
 * information is left out. <b>Thread-safe</b> (the engine calls it from its own threads).
 */
final class ToolStatus implements StatusListener {
    private final PrintStream err;

    ToolStatus(PrintStream err) {
        this.err = err;
    }

    @Override
    public void info(String message) {
        // The tool reports progress itself.
    }

    @Override
    public void warn(String message, Throwable cause) {
        err.println("kafka-spool: WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        err.println("kafka-spool: ERROR " + message);
    }
}
