package dev.kafkaspool.engine.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkaspool.engine.ManualTicker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A record's send time: early by less than {@value SendClock#STRIDE} sends, and never of an earlier round. */
class SendClockTest {
    private final ManualTicker ticker = new ManualTicker();
    private final SendClock clock = new SendClock(ticker);

    @Test
    void eachRoundStartsAtTheClocksTime() {
        clock.startRound();
        long first = clock.nanos();
        assertEquals(ticker.nanos(), first);
        ticker.advance(5, TimeUnit.SECONDS); // the shipper idled between rounds
        clock.startRound();
        assertEquals(ticker.nanos(), clock.nanos(), "a round after an idle spell stamps its own time");
    }

    @Test
    void withinARoundTheClockIsReadAgainEveryStrideSends() {
        clock.startRound();
        int reads = 0;
        long last = clock.nanos();
        for (int send = 1; send < 10 * SendClock.STRIDE; send++) {
            ticker.advance(1, TimeUnit.MICROSECONDS);
            long t = clock.nanos();
            long behind = ticker.nanos() - t;
            assertTrue(behind >= 0 && behind < TimeUnit.MICROSECONDS.toNanos(SendClock.STRIDE),
                    "send " + send + " stamped " + behind + " ns early");
            if (t != last) {
                reads++;
                assertEquals(ticker.nanos(), t, "a new reading is the clock's time");
            }
            last = t;
        }
        assertEquals(10, reads, "one reading per " + SendClock.STRIDE + " sends");
    }
}
