package dev.kafkaspool.tool;

import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.inspect.SpoolVerification;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;


/** {@code verify <dir>}: does every pending record decode? Read-only. */
final class VerifyCommand implements Command {
    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(args, Set.of(), Set.of());
        SpoolVerification v;
        try (SpoolInspection spool = SpoolInspection.open(a.directory())) {
            v = spool.verify();
        }
        if (v.clean()) {
            out.println("clean: " + v.records() + " pending record(s) read, all decode");
            return ExitCodes.OK;
        }
        out.println("damaged: " + v.records() + " pending record(s) read, " + v.damaged() + " damaged");
        out.println("first damage: " + v.firstDamage());
        return ExitCodes.PROBLEM;
    }
}
