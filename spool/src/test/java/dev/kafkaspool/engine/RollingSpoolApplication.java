package dev.kafkaspool.engine;

import dev.kafkaspool.engine.spool.SpoolDirectory;
import dev.kafkaspool.engine.spool.SpoolRecord;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import dev.kafkaspool.engine.spool.chronicle.DiskSpace;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import net.openhft.chronicle.core.time.SetTimeProvider;

/**
 * A process that leaves a disk spool of several spool files, run as a child JVM so that tests can
 * kill it with -9 and damage what it left. Arguments: spool directory, topic, number of files,
 * events per file, how many of the first events to commit (as if Kafka had acknowledged them).
 * Owns the directory as the engine does, and writes events numbered from 1 through the spool with
 * a clock that starts three hours ago and moves one roll cycle after each file's events, so each
 * file holds {@code events per file} events and every file is in the past. Prints
 * {@code spooled <n>} when done, then waits to be killed.
 */
public final class RollingSpoolApplication {
    static final int PADDING = 100;

    private RollingSpoolApplication() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String topic = args[1];
        int files = Integer.parseInt(args[2]);
        int perFile = Integer.parseInt(args[3]);
        int committed = Integer.parseInt(args[4]);
        long cycleMillis = ChronicleSpool.ROLL_CYCLE.lengthInMillis();
        long start = (System.currentTimeMillis() - TimeUnit.HOURS.toMillis(3)) / cycleMillis * cycleMillis;
        SetTimeProvider clock = new SetTimeProvider(TimeUnit.MILLISECONDS.toNanos(start));
        SpoolDirectory owner = SpoolDirectory.acquire(dir);
        ChronicleSpool spool = ChronicleSpool.open(owner.path(), 256L << 20, clock::currentTimeMillis,
                DiskSpace.of(owner.path()));
        long instance = System.nanoTime();
        EncodedEvent e = new EncodedEvent();
        long n = 0;
        for (int f = 0; f < files; f++) {
            for (int i = 0; i < perFile; i++) {
                n++;
                byte[] value = TestEvents.valueFor(n, PADDING);
                e.sequence(n).timestampMillis(clock.currentTimeMillis()).level(LogLevel.INFO).topic(topic).noKey()
                        .value(value, value.length);
                spool.append(instance, e);
            }
            clock.advanceMillis(cycleMillis);
        }
        SpoolRecord r = new SpoolRecord();
        for (int i = 0; i < committed && spool.read(r); i++) {
            spool.commit(r.position);
        }
        System.out.println("spooled " + spool.pendingEvents());
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
    }
}
