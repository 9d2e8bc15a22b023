package dev.kafkaspool.tool;

import dev.kafkaspool.engine.SpoolEngine;
import java.nio.file.Path;


/**
 * A process the tests kill with -9: an engine with Kafka unreachable on the spool directory given
 * as the argument logs numbered events (see {@link ToolSpools}) until killed, printing
 * {@code taken <n>} after each.
 */
public final class LoggingChild {
    private LoggingChild() {
    }

    public static void main(String[] args) {
        SpoolEngine engine = ToolSpools.start(ToolSpools.UNREACHABLE, Path.of(args[0]));
        for (long n = 1; ; n++) {
            ToolSpools.log(engine, "killed", n, n);
            System.out.println("taken " + n);
            System.out.flush();
        }
    }
}
