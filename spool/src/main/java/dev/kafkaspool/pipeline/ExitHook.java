package dev.kafkaspool.pipeline;

import dev.kafkaspool.engine.StatusListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;


/**
 * Stops a pipeline when the JVM exits and nothing else stopped it: a {@code main} that returns or
 * calls {@code System.exit} without stopping its logging framework would otherwise lose what the
 * pipeline holds in memory. The stop ships or spools it within {@code stopTimeout}, as any stop
 * does, and counts what it could not save.
 *
 * <p>Where the application's own shutdown stops logging last, the hook leaves it to that:
 * Spring Boot closes its application context first (beans log while they shut down) and then
 * stops the logging framework, all in its shutdown hook thread. While such a thread runs, this
 * hook waits; it stops the pipeline itself only if that shutdown ended without stopping it.
 * Shutdown hooks run at the same time, so a hook that stopped the pipeline at once would drop
 * what the application logs while it shuts down. The JVM starts the hooks one after the other, so
 * when Spring Boot is on the class path the hook gives that thread up to
 * {@link #APPEAR_SECONDS} seconds to show up before it decides there is none.
 *
 * <p>The hook is removed when the pipeline stops before the JVM exits, so reconfigurations leave
 * no hooks behind.
 */
final class ExitHook {
    /** Names of shutdown hook threads that stop the logging framework themselves, after the application. */
    static final String[] STOPS_LOGGING_LAST = {"SpringApplicationShutdownHook"};
    /** A class whose presence says such a thread may come. */
    static final String SPRING_APPLICATION = "org.springframework.boot.SpringApplication";
    static final long APPEAR_SECONDS = 5;

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final LogPipeline pipeline;
    private final StatusListener status;
    private final Thread thread;

    private ExitHook(LogPipeline pipeline, StatusListener status) {
        this.pipeline = pipeline;
        this.status = status;
        this.thread = new Thread(this::run, "kafka-spool-" + pipeline.config().name() + "-exit");
    }

    /** Registers the hook; null (after saying why) when the JVM is already shutting down. */
    static ExitHook register(LogPipeline pipeline, StatusListener status) {
        ExitHook hook = new ExitHook(pipeline, status);
        try {
            Runtime.getRuntime().addShutdownHook(hook.thread);
            return hook;
        } catch (IllegalStateException e) {
            return null; // the JVM is exiting: whoever started this pipeline now stops it
        } catch (SecurityException e) {
            status.warn("[" + pipeline.config().name() + "] no JVM shutdown hook could be added (" + e + "); stop "
                    + "the logging framework before the JVM exits, or events in memory are lost", e);
            return null;
        }
    }

    Thread thread() {
        return thread;
    }

    /** Called when the pipeline stops; removes the hook unless the JVM is exiting (then it runs or ran). */
    void remove() {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // The JVM is exiting; the hook sees the pipeline stopped.
        }
    }

    private void run() {
        boolean mayCome = present(SPRING_APPLICATION);
        long appearBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(APPEAR_SECONDS);
        boolean seen = false;
        while (!pipeline.isStopped()) {
            boolean running = anotherThreadStopsLoggingLast();
            seen |= running;
            if (!running && (seen || !mayCome || System.nanoTime() - appearBy > 0)) {
                break;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        if (pipeline.isStopped()) {
            return;
        }
        status.info("[" + pipeline.config().name() + "] the JVM is exiting and the logging framework was not "
                + "stopped: stopping this appender, within stopTimeout (" + pipeline.config().stopTimeout().toMillis()
                + " ms); what Kafka does not take by then stays in the spool");
        pipeline.stop();
    }

    private static boolean present(String className) {
        for (ClassLoader loader : new ClassLoader[] {ExitHook.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not there for this loader
            }
        }
        return false;
    }

    private boolean anotherThreadStopsLoggingLast() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != thread && t.isAlive()) {
                for (String name : STOPS_LOGGING_LAST) {
                    if (name.equals(t.getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
