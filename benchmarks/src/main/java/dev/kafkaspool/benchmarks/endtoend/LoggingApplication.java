package dev.kafkaspool.benchmarks.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.kafkaspool.benchmarks.ProcessCpu;

/**
 * The application of a child JVM: starts its logging framework, then follows the runner's commands
 * ({@link ApplicationProtocol}) from standard input. While asked to, one thread logs numbered
 * events (1, 2, 3, ...) at a steady rate: event {@code n} is due {@code n / rate} seconds after
 * logging began, and a call that comes late is made at once, so a blocked call is followed by a
 * burst. Each call is timed with {@link System#nanoTime()}; its duration is kept under every phase
 * the call overlapped (from the phase current when it began to the one current when it returned),
 * so a call that began before the broker was killed and was blocked by the outage counts in the
 * outage. Asked for a burst, the command thread logs a given number of events back to back instead.
 * When it stops, it writes each phase's percentile distribution to a file
 * ({@link CallLatencies#writeDistribution}) if the runner named one ({@value #DISTRIBUTIONS_PROPERTY}).
 */
final class LoggingApplication {
    /** The phase the calls of a burst are kept under. */
    static final String BURST_PHASE = "burst";
    /**
     * System property: the path prefix of the percentile distributions; a phase's file is the
     * prefix, {@code -}, the phase's name and {@code .hgrm}. None are written without it.
     */
    static final String DISTRIBUTIONS_PROPERTY = "outage.distributions";
    /** {@link #logged}, written by the logging thread and read by the command thread without a fence. */
    private static final VarHandle LOGGED;

    static {
        try {
            LOGGED = MethodHandles.lookup().findVarHandle(LoggingApplication.class, "logged", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventLogger logger;
    private final List<String> phaseNames = new CopyOnWriteArrayList<>();
    private final List<CallLatencies> phases = new CopyOnWriteArrayList<>();
    private volatile boolean logging;
    private Thread loggingThread;
    private long logged;

    private LoggingApplication(EventLogger logger) {
        this.logger = logger;
    }

    /** Starts the framework {@code loggerFactory} creates, then follows commands until told to stop. */
    static void run(Supplier<EventLogger> loggerFactory) throws Exception {
        long start = System.nanoTime();
        EventLogger logger = loggerFactory.get();
        report(ApplicationProtocol.READY + " " + (System.nanoTime() - start) + " " + ProcessCpu.nanos());
        new LoggingApplication(logger).followCommands();
        System.exit(0);
    }

    private void followCommands() throws InterruptedException {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = readLine(commands)) != null) {
            String[] words = line.strip().split("\\s+");
            switch (words[0]) {
                case ApplicationProtocol.LOG:
                    startLogging(Integer.parseInt(words[1]));
                    break;
                case ApplicationProtocol.PHASE:
                    startPhase(words[1]);
                    break;
                case ApplicationProtocol.PAUSE:
                    stopLogging();
                    report(ApplicationProtocol.PAUSED + " " + logged);
                    break;
                case ApplicationProtocol.FIRST:
                    long callStart = System.nanoTime();
                    logger.log(++logged);
                    report(ApplicationProtocol.FIRST_CALL + " " + (System.nanoTime() - callStart));
                    break;
                case ApplicationProtocol.COUNT:
                    report(ApplicationProtocol.COUNTED + " " + (long) LOGGED.getOpaque(this));
                    break;
                case ApplicationProtocol.BURST:
                    burst(Integer.parseInt(words[1]), Duration.ofSeconds(Long.parseLong(words[2])));
                    break;
                case ApplicationProtocol.STOP:
                    stop();
                    return;
                default:
                    break;
            }
        }
        stop();
    }

    private void startLogging(int eventsPerSecond) {
        startPhase("before");
        logging = true;
        loggingThread = new Thread(() -> logAtRate(eventsPerSecond), "outage-logging");
        loggingThread.start();
    }

    private void logAtRate(int eventsPerSecond) {
        long nanosPerEvent = 1_000_000_000L / eventsPerSecond;
        long start = System.nanoTime();
        long sinceStart = 0;
        while (logging) {
            long due = start + sinceStart * nanosPerEvent;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            int firstPhase = phases.size() - 1;
            long callStart = System.nanoTime();
            logger.log(logged + 1);
            long callNanos = System.nanoTime() - callStart;
            int lastPhase = phases.size() - 1;
            for (int phase = firstPhase; phase <= lastPhase; phase++) {
                phases.get(phase).add(callNanos);
            }
            // An opaque store is a plain store on common hardware: no more work than logged++.
            LOGGED.setOpaque(this, logged + 1);
            sinceStart++;
        }
    }

    /**
     * Logs up to {@code events} events back to back on the command thread, the next event number
     * each, and stops early once {@code limit} has passed (an appender that waits for every
     * acknowledgement would otherwise take far longer than the run allows). Each call's duration is
     * kept under the phase {@value #BURST_PHASE}.
     */
    private void burst(int events, Duration limit) {
        CallLatencies latencies = new CallLatencies();
        phases.add(latencies);
        phaseNames.add(BURST_PHASE);
        Instant firstCall = Instant.now();
        long start = System.nanoTime();
        long calls = 0;
        long callStart = start;
        while (calls < events && callStart - start < limit.toNanos()) {
            logger.log(++logged);
            long callEnd = System.nanoTime();
            latencies.add(callEnd - callStart);
            callStart = callEnd;
            calls++;
        }
        long nanos = System.nanoTime() - start;
        report(ApplicationProtocol.BURST_DONE + " " + calls + " " + logged + " "
                + ApplicationProtocol.epochMicros(firstCall) + " " + nanos);
    }

    /** Starts a new phase; the calls from now on are kept under {@code name}. */
    private void startPhase(String name) {
        phases.add(new CallLatencies());
        phaseNames.add(name);
    }

    private void stopLogging() throws InterruptedException {
        logging = false;
        if (loggingThread != null) {
            loggingThread.join();
            loggingThread = null;
        }
    }

    private void stop() throws InterruptedException {
        stopLogging();
        long stopStart = System.nanoTime();
        logger.stop();
        long stopNanos = System.nanoTime() - stopStart;
        long cpuNanos = ProcessCpu.nanos();
        writeDistributions();
        for (int phase = 0; phase < phases.size(); phase++) {
            report(ApplicationProtocol.LATENCY + " " + phaseNames.get(phase) + " " + phases.get(phase).summary());
        }
        report(ApplicationProtocol.STOPPED + " " + logged + " " + stopNanos + " " + cpuNanos);
    }

    /** Each phase's distribution with at least one call, if the runner asked for them. */
    private void writeDistributions() {
        String prefix = System.getProperty(DISTRIBUTIONS_PROPERTY);
        if (prefix == null) {
            return;
        }
        for (int phase = 0; phase < phases.size(); phase++) {
            if (phases.get(phase).count() > 0) {
                phases.get(phase).writeDistribution(Path.of(prefix + "-" + phaseNames.get(phase) + ".hgrm"));
            }
        }
    }

    private static String readLine(BufferedReader commands) {
        try {
            return commands.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static void report(String line) {
        synchronized (System.out) {
            System.out.println(ApplicationProtocol.REPORT + " " + line);
            System.out.flush();
        }
    }
}
