package dev.kafkaspool.log4j2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** The threads the library and its Kafka producer start, found by name. */
final class LibraryThreads {
    private LibraryThreads() {
    }

    static List<String> alive() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (isLibraryThread(t)) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** The library threads alive now with their stacks, to say in a failure where they wait. */
    static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (isLibraryThread(e.getKey())) {
                sb.append('\n').append(e.getKey().getName());
                for (StackTraceElement frame : e.getValue()) {
                    sb.append("\n\tat ").append(frame);
                }
            }
        }
        return sb.toString();
    }

    private static boolean isLibraryThread(Thread t) {
        String n = t.getName();
        return t.isAlive() && (n.startsWith("kafka-spool-") || n.startsWith("kafka-producer-network-thread"));
    }

    /**
     * The library threads still alive once they stopped appearing, or after a generous wait: a
     * thread that has been told to stop may take a moment to end.
     */
    static List<String> aliveAfterSettling() {
        return aliveAfterSettling("");
    }

    /** As {@link #aliveAfterSettling()}, for the threads whose names start with the prefix. */
    static List<String> aliveAfterSettling(String prefix) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> alive = alive(prefix);
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(50_000_000L);
            alive = alive(prefix);
        }
        return alive;
    }

    private static List<String> alive(String prefix) {
        List<String> alive = alive();
        alive.removeIf(n -> !n.startsWith(prefix));
        return alive;
    }
}
