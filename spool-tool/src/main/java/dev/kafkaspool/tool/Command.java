package dev.kafkaspool.tool;

import java.io.PrintStream;
import java.util.List;

/** One of the tool's commands. Implementations are stateless. */
interface Command {
    /**
     * Runs the command.
     *
     * @return the exit code, one of {@link ExitCodes}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
