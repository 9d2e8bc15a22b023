package dev.kafkaspool.tool;

import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.inspect.SpoolSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/** {@code info <dir>}: what the spool holds. Read-only. */
final class InfoCommand implements Command {
    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(args, Set.of(), Set.of());
        SpoolSummary s;
        List<SpoolSummary> parked = new ArrayList<>();
        try (SpoolInspection spool = SpoolInspection.open(a.directory())) {
            s = spool.summary();
            for (Path store : spool.parkedStores()) {
                try (SpoolInspection p = SpoolInspection.open(store)) {
                    parked.add(p.summary());
                }
            }
        }
        out.println("spool directory:  " + s.directory());
        out.println("size of files:    " + Sizes.format(s.totalFileBytes()) + " in " + s.files().size()
                + " file(s) (spool files are sparse: less may be allocated on disk)");
        out.println("pending events:   " + s.pendingEvents() + " (" + Sizes.format(s.pendingBytes())
                + "), not yet acknowledged by Kafka");
        out.println("oldest pending:   " + (s.oldestPending() == null ? "-" : s.oldestPending()));
        out.println("newest pending:   " + (s.newestPending() == null ? "-" : s.newestPending()));
        out.println("read position:    " + s.readPosition());
        for (SpoolSummary p : parked) {
            out.println("parked topic:     " + p.directory().getFileName() + ": " + p.pendingEvents() + " event(s) ("
                    + Sizes.format(p.pendingBytes()) + "), shipped in order once Kafka takes the topic");
        }
        out.println("files:");
        for (String f : s.files()) {
            out.println("  " + f + "  " + Sizes.format(s.fileSize(f)));
        }
        if (s.problem() != null) {
            err.println("problem: " + s.problem() + "; run 'verify' for details");
            return ExitCodes.PROBLEM;
        }
        return ExitCodes.OK;
    }
}
