package dev.kafkaspool.tool;

import dev.kafkaspool.inspect.SpoolDamagedException;
import dev.kafkaspool.inspect.SpoolInspection;
import dev.kafkaspool.inspect.SpooledEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;


/** {@code print <dir>}: pending events as JSON lines, oldest first. Read-only. */
final class PrintCommand implements Command {
    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(args, Set.of("--limit", "--level", "--since", "--until"), Set.of("--headers"));
        long limit = limit(a.value("--limit"));
        EventFilter filter = EventFilter.of(a);
        boolean headers = a.has("--headers");
        long printed = 0;
        try (SpoolInspection spool = SpoolInspection.open(a.directory())) {
            SpooledEvent e;
            while (printed < limit && (e = spool.nextPending()) != null) {
                if (filter.accepts(e)) {
                    byte[] line = headers ? headersLine(e) : e.value();
                    out.write(line, 0, line.length);
                    out.println();
                    printed++;
                }
            }
        } catch (SpoolDamagedException e) {
            out.flush();
            err.println("error: " + e.getMessage() + "; " + printed + " event(s) printed before it; "
                    + "run 'verify' for a full check");
            return ExitCodes.PROBLEM;
        }
        return ExitCodes.OK;
    }

    private static long limit(String text) {
        if (text == null) {
            return Long.MAX_VALUE;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--limit expects a whole number of 0 or more, got '" + text + "'");
    }

    private static byte[] headersLine(SpooledEvent e) {
        return HeadersLine.of(e.eventId(), e.timestamp().toString(), e.level().name(), e.topic(),
                e.key() == null ? null : new String(e.key(), StandardCharsets.UTF_8), e.valueText());
    }
}
