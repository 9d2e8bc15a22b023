package dev.kafkaspool.benchmarks.endtoend;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The runner's running commentary on standard output: one timestamped line per step. */
final class Progress {

    private Progress() {
    }

    static void say(AppenderCase appender, String scenario, String what) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + appender.id() + " "
                + scenario + ": " + what);
        System.out.flush();
    }
}
