package dev.kafkaspool.engine.spool.chronicle;

import java.util.List;

/**
 * Chronicle Queue settings this library needs inside users' processes: no banner, no usage
 * analytics, no file in the user's home directory, no disk-space monitor thread. Each is a system
 * property the user may set otherwise before the first spool opens. Also says which JVM flags
 * Chronicle needs when they are missing.
 */
public final class ChronicleDefaults {
    /** The JVM flags Chronicle Queue needs on Java 17 and later. */
    public static final List<String> REQUIRED_JVM_FLAGS = List.of(
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED");

    private static final String[][] PROPERTIES = {
        {"chronicle.analytics.disable", "true"},
        {"chronicle.announcer.disable", "true"},
        {"chronicle.disk.monitor.disable", "true"},
        // JNA, which Chronicle uses, unpacks its native library under ~/.cache/JNA on Linux otherwise.
        {"jna.tmpdir", System.getProperty("java.io.tmpdir")},
    };

    private ChronicleDefaults() {
    }

    /** The names of the system properties {@link #apply} sets. */
    public static List<String> propertyNames() {
        List<String> names = new java.util.ArrayList<>();
        for (String[] p : PROPERTIES) {
            names.add(p[0]);
        }
        return names;
    }

    /** Sets each property the user has not set. Call before any Chronicle class loads. */
    public static void apply() {
        for (String[] p : PROPERTIES) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    /** A hint for a failure to open a queue: which JVM flags to add, when that is the likely cause. */
    public static String hintFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String s = t.toString();
            if (t instanceof IllegalAccessException || t instanceof IllegalAccessError
                    || s.contains("InaccessibleObjectException") || s.contains("does not export")
                    || s.contains("does not \"opens\"") || s.contains("module java.base")
                    || t instanceof ExceptionInInitializerError || t instanceof NoClassDefFoundError) {
                return "; the JVM is missing flags Chronicle Queue needs on Java 17+: add "
                        + String.join(" ", REQUIRED_JVM_FLAGS) + " (" + failure + ")";
            }
        }
        return ": " + failure;
    }
}
