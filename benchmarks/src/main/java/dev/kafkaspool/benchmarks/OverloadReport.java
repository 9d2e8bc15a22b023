package dev.kafkaspool.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.kafkaspool.benchmarks.OverloadRun.Sample;
import dev.kafkaspool.config.Durability;
import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EngineStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Sustained overload: an application logs faster than Kafka takes its events, for longer than
 * the spool holds the excess. The test broker throttles the engine's producer with a produce
 * quota of {@code quotaBytes} (default 1,000,000) bytes per second, counted as Kafka counts them:
 * compressed batches on the wire. One thread logs {@link VariedEvent}s (300 bytes, a random trace
 * id and order id) at {@code rate} (default 22,000, about twice what the quota lets through)
 * events per second for {@code seconds} (default 180); the engine runs with its default settings
 * (spool cap 256 MiB, fullPolicy dropOldest) in {@code durability} (disk, memory, or both; default
 * disk), on a broker of its own. Its stats are sampled every second and every log call is timed.
 * Reported: what Kafka took and the excess in events/s and spool bytes/s; the time to the first
 * drop and what the spool held then; the drop rate against the excess once the spool is full;
 * which events were lost (the first one lost, and how many of the newest arrived: with the oldest
 * dropped to make room, all of them); the log-call latency before and after the first drop; and,
 * after the logging stops, the quota is lifted, the spool drains for at most {@code drainSeconds}
 * (default 60) and the engine stops: whether accepted = shipped + dropped + pending, the drops by
 * reason, and the topic read back (end offsets against shipped, further copies of an event,
 * events in a partition after a later-logged one). Run: {@code java <chronicle flags> -cp
 * benchmarks/target/benchmarks.jar dev.kafkaspool.benchmarks.OverloadReport} (after building the
 * jar, see docs/benchmarks.md), with {@code -Drate=}, {@code -DquotaBytes=}, {@code -Dseconds=},
 * {@code -DdrainSeconds=}, {@code -Ddurability=} to change the defaults.
 */
public final class OverloadReport {
    private OverloadReport() {
    }

    public static void main(String[] args) {
        int rate = Integer.getInteger("rate", 22_000);
        double quota = Double.parseDouble(System.getProperty("quotaBytes", "1000000"));
        int seconds = Integer.getInteger("seconds", 180);
        int drainSeconds = Integer.getInteger("drainSeconds", 60);
        String which = System.getProperty("durability", "disk");
        // The Kafka client warns of every throttled response; the throttling is the point here.
        ((Logger) LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient")).setLevel(Level.ERROR);
        List<Durability> durabilities = which.equals("both") ? List.of(Durability.DISK, Durability.MEMORY)
                : List.of(which.equals("memory") ? Durability.MEMORY : Durability.DISK);
        System.out.printf("rate %,d events/s, quota %,.0f bytes/s, %d s of logging, drain at most %d s, %s%n",
                rate, quota, seconds, drainSeconds, durabilities);
        List<OverloadRun> runs = new ArrayList<>();
        for (Durability durability : durabilities) {
            Path work = TempDirs.create("overload");
            try (Kafka kafka = Kafka.start("up", work.resolve("broker"))) {
                runs.add(OverloadRun.run(kafka, work.resolve("spool"), durability, rate, quota, seconds, drainSeconds));
            } finally {
                TempDirs.delete(work);
            }
        }
        System.out.println();
        System.out.println(row("measure", r -> "durability " + r.durability, runs));
        System.out.println(row("---", r -> "---", runs));
        System.out.println(row("logged", r -> perSecond(r.start, r.overloadEnd, EngineStats::accepted)
                + " events/s" + (r.skipped > 0 ? String.format(" (%,d behind schedule)", r.skipped) : ""), runs));
        System.out.println(row("Kafka took (shipped)", r -> perSecond(r.start, r.overloadEnd, EngineStats::shipped)
                + " events/s", runs));
        System.out.println(row("excess", OverloadReport::excess, runs));
        System.out.println(row("first drop after", r -> r.firstDrop == null ? "no drop"
                : String.format("%.0f s; spool then %,d events, %.1f MiB", r.firstDrop.seconds(),
                r.firstDrop.stats().spoolEvents(), r.firstDrop.stats().spoolBytes() / 1048576.0), runs));
        System.out.println(row("spool full: dropped / excess", OverloadReport::dropsAgainstExcess, runs));
        System.out.println(row("first event lost", OverloadReport::firstLost, runs));
        System.out.println(row("last logged events (as many as the spool held at the end)", OverloadReport::lastArrived, runs));
        System.out.println(row("the spool's files on disk, most at a sample (du)", r -> String.format("%.1f MiB",
                r.mostOnDisk / 1048576.0), runs));
        System.out.println(row("log call before first drop, p50 / p99 / p99.9 / max", r -> r.filling.summary(), runs));
        System.out.println(row("log call after first drop, p50 / p99 / p99.9 / max", r -> r.full.summary(), runs));
        System.out.println(row("log calls refused (submit false)", r -> String.format("%,d", r.refused), runs));
        System.out.println(row("drained (quota lifted)", r -> String.format("%.0f s after logging stopped, %,d pending",
                r.drained.seconds() - r.overloadEnd.seconds(), OverloadRun.pending(r.drained.stats())), runs));
        System.out.println(row("after stop: accepted", r -> String.format("%,d", r.stopped.accepted()), runs));
        System.out.println(row("shipped + dropped + pending", OverloadReport::balance, runs));
        System.out.println(row("dropped by reason", r -> reasons(r.stopped), runs));
        System.out.println(row("topic", r -> r.topic.toString(), runs));
        System.out.println(row("topic end offsets - shipped", r -> String.format("%,d",
                r.topic.endOffsets - r.stopped.shipped()), runs));
        System.out.println();
        System.out.println("Command: java <chronicle flags> -Drate=" + rate + " -DquotaBytes=" + (long) quota + " -Dseconds="
                + seconds + " -DdrainSeconds=" + drainSeconds + " -Ddurability=" + which
                + " -cp benchmarks/target/benchmarks.jar " + OverloadReport.class.getName());
    }

    private static String excess(OverloadRun r) {
        double events = rate(r.start, r.overloadEnd, EngineStats::accepted) - rate(r.start, r.overloadEnd, EngineStats::shipped);
        Sample at = r.firstDrop != null ? r.firstDrop : r.overloadEnd;
        double bytesPerEvent = at.stats().spoolEvents() == 0 ? 0 : (double) at.stats().spoolBytes() / at.stats().spoolEvents();
        return String.format("%,.0f events/s, %.2f MB/s of spool (%.0f spool bytes per event)",
                events, events * bytesPerEvent / 1e6, bytesPerEvent);
    }

    /** From the first drop to the end of the logging: drops per second against accepted minus shipped per second. */
    private static String dropsAgainstExcess(OverloadRun r) {
        if (r.firstDrop == null) {
            return "-";
        }
        double dropped = rate(r.firstDrop, r.overloadEnd, EngineStats::droppedTotal);
        double excess = rate(r.firstDrop, r.overloadEnd, EngineStats::accepted) - rate(r.firstDrop, r.overloadEnd, EngineStats::shipped);
        EngineStats end = r.overloadEnd.stats();
        return String.format("%,.0f / %,.0f events/s (%.2f) over %.0f s; spool at the end %,d events, %.1f MiB",
                dropped, excess, dropped / excess, r.overloadEnd.seconds() - r.firstDrop.seconds(),
                end.spoolEvents(), end.spoolBytes() / 1048576.0);
    }

    /** The first logged event that never arrived, against what had been logged and shipped at the first drop. */
    private static String firstLost(OverloadRun r) {
        if (r.firstDrop == null) {
            return "-";
        }
        long lost = r.topic.firstMissing(r.firstSequence) - r.firstSequence + 1;
        return String.format("the %,dth logged; at the first drop %,d were logged and %,d shipped", lost,
                r.firstDrop.stats().accepted() - r.start.stats().accepted(),
                r.firstDrop.stats().shipped() - r.start.stats().shipped());
    }

    /** How many of the newest events arrived: all of them when the oldest ones were dropped to make room. */
    private static String lastArrived(OverloadRun r) {
        long n = r.overloadEnd.stats().spoolEvents();
        if (n == 0) {
            return "-";
        }
        return String.format("%,d of the last %,d arrived", r.topic.arrived(r.lastSequence - n + 1, r.lastSequence), n);
    }

    private static String balance(OverloadRun r) {
        EngineStats s = r.stopped;
        long unaccounted = s.accepted() - s.shipped() - s.droppedTotal() - s.spoolEvents();
        return String.format("%,d + %,d + %,d (in the spool)%s", s.shipped(), s.droppedTotal(), s.spoolEvents(),
                unaccounted == 0 ? " = accepted" : String.format(Locale.ROOT, "; %,d unaccounted", unaccounted));
    }

    private static String reasons(EngineStats s) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<DropReason, Long> e : s.droppedByReason().entrySet()) {
            if (e.getValue() > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(String.format(" %,d", e.getValue()));
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static String perSecond(Sample from, Sample to, Function<EngineStats, Long> counter) {
        return String.format("%,.0f", rate(from, to, counter));
    }

    private static double rate(Sample from, Sample to, Function<EngineStats, Long> counter) {
        return (counter.apply(to.stats()) - counter.apply(from.stats())) / (to.seconds() - from.seconds());
    }

    private static String row(String label, Function<OverloadRun, String> cell, List<OverloadRun> runs) {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" |");
        runs.forEach(r -> sb.append(' ').append(cell.apply(r)).append(" |"));
        return sb.toString();
    }
}
