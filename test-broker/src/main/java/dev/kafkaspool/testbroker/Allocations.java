package dev.kafkaspool.testbroker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;

/**
 * Asserts that a call allocates nothing on the calling thread once warmed up, counted with the
 * JVM's per-thread allocation counter, not timed. The call is measured in rounds, one of which
 * must average under a byte per call: a per-call allocation shows in every round, a one-off in
 * some (the disk spool's write allocated a few KB now and then during the first tens of thousands
 * of calls on a busy machine, with the optimising compiler only).
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
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            double perCall = bytesPerCall(warmUp + round * measured, measured, call);
            if (perCall < 1.0) {
                return;
            }
            rounds.append(' ').append(perCall);
        }
        fail(what + ": bytes per call in each round of " + measured + ":" + rounds);
    }

    /** The bytes the calling thread allocates per call, over calls number {@code first} to {@code first + calls - 1}. */
    public static double bytesPerCall(int first, int calls, IndexedCall call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = first; i < first + calls; i++) {
            call.run(i);
        }
        return (threads.getThreadAllocatedBytes(id) - before) / (double) calls;
    }

    /** One call, given its number. */
    @FunctionalInterface
    public interface IndexedCall {
        void run(int i);
    }
}
