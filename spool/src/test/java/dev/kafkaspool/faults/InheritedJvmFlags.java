package dev.kafkaspool.faults;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** The flags of this test JVM a child JVM of the library needs too: Chronicle's, and Java 24's native-access ones. */
final class InheritedJvmFlags {
    private InheritedJvmFlags() {
    }

    static List<String> get() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.") || arg.startsWith("--enable-native-access")
                    || arg.startsWith("--sun-misc")) {
                flags.add(arg);
            }
        }
        return flags;
    }
}
