package dev.kafkaspool.engine.spool.chronicle;

import java.util.function.LongSupplier;

/**
 * The time by which the disk spool's files roll: the wall clock's progress, never going back.
 *
 * <p>The spool's files are named after the time of their cycle, and the spool reads them, and
 * deletes shipped ones, in name order. A wall clock set back (a corrected hardware clock, NTP
 * stepping the time) would have new records written to a file named before the files that hold
 * older ones: read out of order, or skipped by a reader already past that name and deleted with
 * the shipped files before it. So this clock moves forward as far as the wall clock does, and
 * stands still while the wall clock is set back: after a step back of an hour it runs an hour
 * ahead of the wall clock, which only changes the names of later files. It never starts before
 * the newest file already in the spool ({@link #notBefore}), so a process started while the
 * clock is behind goes on in that file. A file ended early because it is full ({@link FileRoll})
 * moves it to the next cycle's start the same way: under steady writing the files' names run
 * ahead of the wall clock.
 *
 * <p><b>Thread-safe.</b>
 */
public final class RollClock {
    private final LongSupplier wallClock;
    private boolean started;
    private long lastWall;
    private long now = Long.MIN_VALUE;

    /** @param wallClock milliseconds since the epoch, as the wall clock says */
    RollClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    /** The roll time now, in milliseconds since the epoch. */
    synchronized long millis() {
        long wall = wallClock.getAsLong();
        if (!started) {
            now = Math.max(now, wall);
            started = true;
        } else if (wall > lastWall) {
            now += wall - lastWall;
        }
        lastWall = wall;
        return now;
    }

    /** From now on, the roll time is at least {@code millis}. */
    synchronized void notBefore(long millis) {
        now = Math.max(now, millis);
    }
}
