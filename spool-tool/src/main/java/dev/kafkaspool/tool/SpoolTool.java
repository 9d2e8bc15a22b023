package dev.kafkaspool.tool;

import dev.kafkaspool.inspect.SpoolNotReadableException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;


/**
 * The spool tool's entry point: {@code info}, {@code print}, {@code verify} and {@code ship} on a
 * spool directory. See {@link Usage} for the command line and {@link ExitCodes} for exit codes.
 *
 * <p><b>Thread-safe</b>: {@link #run} keeps no state between calls.
 */
public final class SpoolTool {
    private static final Map<String, Command> COMMANDS = Map.of(
            "info", new InfoCommand(),
            "print", new PrintCommand(),
            "verify", new VerifyCommand(),
            "ship", new ShipCommand());

    private SpoolTool() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. Writes results to {@code out}, problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(Usage.TEXT);
            return ExitCodes.USAGE;
        }
        List<String> all = Arrays.asList(args);
        if (all.contains("--help") || all.contains("-h") || args[0].equals("help")) {
            out.print(Usage.TEXT);
            return ExitCodes.OK;
        }
        Command command = COMMANDS.get(args[0]);
        try {
            if (command == null) {
                throw new UsageException("unknown command '" + args[0] + "'");
            }
            return command.run(all.subList(1, all.size()), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(Usage.TEXT);
            return ExitCodes.USAGE;
        } catch (SpoolNotReadableException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CANNOT_OPEN;
        } finally {
            out.flush();
        }
    }
}
