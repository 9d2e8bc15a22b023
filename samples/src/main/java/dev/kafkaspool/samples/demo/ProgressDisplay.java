package dev.kafkaspool.samples.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints one line a second while the services log: elapsed time, the broker's state, and per
 * service the events sent, the events waiting in its spool, and the longest log call of the last
 * second (the service's first second of class loading left out).
 */
final class ProgressDisplay implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintStream out;
    private final BrokerStatus broker;
    private final List<ServiceProcess> services;
    private final long start = System.nanoTime();

    private ProgressDisplay(PrintStream out, BrokerStatus broker, List<ServiceProcess> services) {
        this.out = out;
        this.broker = broker;
        this.services = services;
    }

    /** Starts printing, one line a second from now. */
    static ProgressDisplay start(PrintStream out, BrokerStatus broker, List<ServiceProcess> services) {
        ProgressDisplay display = new ProgressDisplay(out, broker, services);
        display.timer.scheduleAtFixedRate(display::printLine, 1, 1, TimeUnit.SECONDS);
        return display;
    }

    /** Seconds since the display started. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void printLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %4.0f s  broker %-13s",
                elapsedSeconds(), broker));
        for (ServiceProcess service : services) {
            line.append(String.format(Locale.ROOT, " | %s: %,6d sent, %,5d in spool, worst call %8s",
                    service.service().serviceName(), service.sent(), service.inSpool(),
                    Millis.of(service.takeWorstCallSinceLastLookNanos())));
        }
        out.println(line);
    }

    /** Prints a line about something that happened, with the elapsed time. */
    void event(String what) {
        out.println(String.format(Locale.ROOT, "  %4.0f s  >>> %s", elapsedSeconds(), what));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
