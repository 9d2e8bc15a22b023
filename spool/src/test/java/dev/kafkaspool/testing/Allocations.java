package dev.kafkaspool.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;

/**
 * Asserts that a call allocates nothing on the calling thread once warmed up, counted with the
 * JVM's per-thread allocation counter, not timed. The call is measured in rounds, one of which
 * must average under a byte per call: a per-call allocation shows in every round, a one-off (the
 * optimising compiler replacing code on a busy machine now and then allocates a few KB during the
 * first tens of thousands of calls) in some.
 */
public final class Allocations {
    private static final int ROUNDS = 10;

    private Allocations() {
    }

    /** The call {@code call.run(i)}, {@code warmUp} times, then in rounds of {@code measured}. */
    public static void assertAllocatesNothing(String what, int warmUp, int measured, IndexedCall call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        for (int i = 0; i < warmUp; i++) {
            call.run(i);
        }
        long id = Thread.currentThread().getId();
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            int first = warmUp + round * measured;
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = first; i < first + measured; i++) {
                call.run(i);
            }
            double perCall = (threads.getThreadAllocatedBytes(id) - before) / (double) measured;
            if (perCall < 1.0) {
                return;
            }
            rounds.append(' ').append(perCall);
        }
        fail(what + ": bytes per call in each round of " + measured + ":" + rounds);
    }

    /** One call, given its number. */
    @FunctionalInterface
    public interface IndexedCall {
        void run(int i);
    }
}
