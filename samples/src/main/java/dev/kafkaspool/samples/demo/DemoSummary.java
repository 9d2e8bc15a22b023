package dev.kafkaspool.samples.demo;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the end of a demo run: a table per service, a few records, and the verdict. */
final class DemoSummary {

    private static final String ROW = "  %-9s %-9s %7s %7s %5s %10s %7s %7s %11s %10s %10s %10s";
    private static final int SHOWN_STRING_LENGTH = 300;

    private DemoSummary() {
    }

    static void print(DemoResult result, PrintStream out) {
        out.println();
        out.println("A record of each service, and one with an exception, as they arrived in Kafka:");
        for (RecordFields record : result.sampleRecords()) {
            out.println();
            out.println(PrettyJson.format(record.value(), SHOWN_STRING_LENGTH));
        }
        out.println();
        out.println("Summary (arrived = distinct event ids in the topic; spooled, drained: the appender's counters):");
        out.println();
        row(out, "", "", "", "", "", "", "", "", "", "worst log call:", "", "");
        row(out, "service", "framework", "sent", "arrived", "lost", "duplicates", "spooled",
                "drained", "calls >1 ms", "first 1 s", "after", "Kafka down");
        for (ServiceOutcome o : result.outcomes()) {
            row(out, o.serviceName(), o.framework(), number(o.sent()), number(o.arrived()),
                    number(o.lost()), number(o.duplicates()),
                    o.reportedStats() ? number(o.counter("spooled")) : "?",
                    o.reportedStats() ? number(o.counter("drained")) : "?",
                    number(o.callsOver1ms()), Millis.of(o.warmUpWorstCallNanos()), Millis.of(o.worstCallNanos()),
                    Millis.of(o.worstCallWhileBrokerDownNanos()));
        }
        out.println();
        for (ServiceOutcome o : result.outcomes()) {
            if (!o.reportedStats()) {
                out.println("  " + o.serviceName() + " did not report its appender's counters when it stopped");
            }
        }
        if (result.nothingLost()) {
            out.println("Nothing lost: every event both services logged is in Kafka, including those logged while"
                    + " the broker was down.");
        } else {
            out.println("EVENTS LOST: see the table above.");
        }
    }

    private static void row(PrintStream out, Object... cells) {
        out.println(String.format(Locale.ROOT, ROW, cells).stripTrailing());
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
