package dev.kafkaspool.testbroker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure no broker JVM outlives the JVM that started it: a shutdown hook kills every child
 * still alive when this JVM exits.
 */
final class ChildProcessReaper {

    private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcessReaper::killAll, "kafka-broker-reaper"));
    }

    private ChildProcessReaper() {
    }

    /** Kills {@code child} at JVM exit unless it has exited by then. */
    static void watch(Process child) {
        ALIVE.add(child);
        child.onExit().thenRun(() -> ALIVE.remove(child));
    }

    private static void killAll() {
        ALIVE.forEach(Process::destroyForcibly);
    }
}
