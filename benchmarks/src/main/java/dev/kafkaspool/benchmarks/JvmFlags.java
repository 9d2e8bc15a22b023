package dev.kafkaspool.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every benchmark fork needs: Chronicle Queue's on Java 17+, and the two system
 * properties that keep its banner and usage analytics off. The same list as the parent pom's
 * {@code chronicle.jvm.flags}; {@link #check()} fails a run when the two differ, or when the fork
 * was started without them (a command-line {@code -jvmArgsAppend} replaces the annotation's;
 * {@code -jvmArgs} adds to it).
 *
 * <p>Annotations take only constants, so each flag is its own constant and every benchmark
 * lists them in {@code @Fork(jvmArgsAppend = {...})}.
 */
public final class JvmFlags {
    static final String EXPORT_SUN_NIO_CH = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String OPEN_JAVA_LANG_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String EXPORT_JDK_INTERNAL_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String OPEN_JAVA_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    static final String OPEN_SUN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String NO_ANALYTICS = "-Dchronicle.analytics.disable=true";
    static final String NO_ANNOUNCER = "-Dchronicle.announcer.disable=true";
    /**
     * A heap of fixed size, its pages touched at start: a heap that grows while a trial runs makes
     * the kernel's page faults (system time) part of the measure, erratically (shots twice and
     * four times as long as their neighbours, seen with the drain's bare producer loop).
     */
    static final String HEAP_MIN = "-Xms2g";
    static final String HEAP_MAX = "-Xmx2g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    static final List<String> ALL = List.of(EXPORT_SUN_NIO_CH, OPEN_JAVA_LANG_REFLECT, EXPORT_JDK_INTERNAL_REF,
            OPEN_JAVA_NIO, OPEN_SUN_NIO_CH, OPEN_JAVA_LANG, NO_ANALYTICS, NO_ANNOUNCER);

    private static final String BUILD_FLAGS_RESOURCE = "chronicle-jvm-flags.txt";

    private JvmFlags() {
    }

    /** The parent pom's {@code chronicle.jvm.flags}, as the build copied them into this module: for child JVMs. */
    public static List<String> fromBuild() {
        String text = readBuildFlags().trim();
        if (text.startsWith("${")) {
            throw new IllegalStateException("Resource " + BUILD_FLAGS_RESOURCE + " was not filtered by the build");
        }
        return Arrays.asList(text.split("\\s+"));
    }

    /** Fails when this list is not the build's, or when this JVM was started without one of them. */
    static void check() {
        List<String> build = fromBuild();
        if (!build.equals(ALL)) {
            throw new IllegalStateException("JvmFlags lists " + ALL + " but the parent pom's chronicle.jvm.flags is "
                    + build + ": update JvmFlags");
        }
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : ALL) {
            if (!running.contains(flag)) {
                throw new IllegalStateException("This benchmark JVM was started without " + flag
                        + "; a -jvmArgsAppend option replaces the benchmarks' own (use -jvmArgs for extra flags)"
                        + " or must repeat them: " + ALL);
            }
        }
    }

    private static String readBuildFlags() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(BUILD_FLAGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + BUILD_FLAGS_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
