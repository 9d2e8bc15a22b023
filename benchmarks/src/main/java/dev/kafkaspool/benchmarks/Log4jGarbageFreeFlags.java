package dev.kafkaspool.benchmarks;

/**
 * Log4j's garbage-free settings, as a low-latency application runs it: the same system properties
 * the Log4j appender's GarbageFreeTest runs with (its surefire configuration), plus direct
 * encoders. Every Log4j benchmark fork gets them, the baselines' included, so that all Log4j
 * cases are compared under the same settings.
 */
final class Log4jGarbageFreeFlags {
    static final String NOT_A_WEBAPP = "-Dlog4j2.isWebapp=false";
    static final String THREADLOCALS = "-Dlog4j2.enableThreadlocals=true";
    static final String DIRECT_ENCODERS = "-Dlog4j2.enableDirectEncoders=true";
    static final String GARBAGE_FREE_THREAD_CONTEXT = "-Dlog4j2.garbagefreeThreadContextMap=true";

    private Log4jGarbageFreeFlags() {
    }
}
