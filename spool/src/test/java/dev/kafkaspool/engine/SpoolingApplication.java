package dev.kafkaspool.engine;

import dev.kafkaspool.config.Durability;
import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.config.ValueParsers;
import dev.kafkaspool.engine.spool.chronicle.ChronicleDefaults;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An application run as a child process by tests, so that tests can kill it with -9. Arguments:
 * bootstrap servers, spool directory, durability, topic, how many events (0: until killed),
 * whether to wait until they are all in the spool, and optionally the number of the first event
 * (default 1). Prints {@code taken <n>} after each log call
 * that returned, {@code spooled <n>} once the spool holds n events, then {@code settled <syncs>}
 * once the spool has had no sync for a second, {@code diskSpool <bool>} at
 * start, then {@code property <name>=<value>} for each system property the library sets for
 * Chronicle; status messages go to standard error.
 */
public final class SpoolingApplication {
    private SpoolingApplication() {
    }

    /** A system property that sets the child's {@code syncInterval}. */
    static final String SYNC_INTERVAL_PROPERTY = "kafkaspool.test.syncInterval";

    /** A system property that sets the child's timeout for its stop (ISO-8601, default 5 s). */
    static final String STOP_TIMEOUT_PROPERTY = "kafkaspool.test.stopTimeout";

    /** A system property: how many threads of the child keep the CPU busy for its whole life. */
    static final String BUSY_THREADS_PROPERTY = "kafkaspool.test.busyThreads";

    /** Keeps a core busy: always runnable, as a thread of an application busy with its own work. */
    private static void spin() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path spoolDir = Path.of(args[1]);
        Durability durability = ValueParsers.parseDurability(args[2]);
        String topic = args[3];
        long count = Long.parseLong(args[4]);
        boolean waitUntilSpooled = Boolean.parseBoolean(args[5]);
        long first = args.length > 6 ? Long.parseLong(args[6]) : 1;

        for (int i = 0; i < Integer.getInteger(BUSY_THREADS_PROPERTY, 0); i++) {
            Thread busy = new Thread(SpoolingApplication::spin, "busy-" + i);
            busy.setDaemon(true);
            busy.start();
        }
        SpoolConfig.Builder config = TestConfigs.config(bootstrap, spoolDir, durability);
        String syncInterval = System.getProperty(SYNC_INTERVAL_PROPERTY);
        if (syncInterval != null) {
            config.parse(EngineSettings.SYNC_INTERVAL, syncInterval);
        }
        SpoolEngine engine = SpoolEngine.builder(config.build()).status(StatusListener.toStandardError()).start();
        System.out.println("diskSpool " + engine.stats().diskSpool());
        for (String name : ChronicleDefaults.propertyNames()) {
            System.out.println("property " + name + "=" + System.getProperty(name));
        }
        System.out.flush();
        TestEvents events = new TestEvents(engine, topic, 100);
        for (long n = first; count == 0 || n < first + count; n++) {
            if (events.submit(n)) {
                System.out.println("taken " + n);
                System.out.flush();
            }
        }
        if (waitUntilSpooled) {
            while (engine.stats().spoolEvents() < count) {
                Thread.sleep(10);
            }
            System.out.println("spooled " + engine.stats().spoolEvents());
            System.out.flush();
            waitForTheLastSync(engine);
        }
        // Waits to be killed; a test that wants an orderly stop closes standard input.
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        engine.stop(Duration.parse(System.getProperty(STOP_TIMEOUT_PROPERTY, "PT5S")));
    }

    /**
     * Once nothing is written any more, waits until no sync has come for a second (twice the default
     * interval) and prints {@code settled <syncs>}.
     */
    private static void waitForTheLastSync(SpoolEngine engine) throws InterruptedException {
        long syncs = -1;
        int quietRounds = 0;
        while (quietRounds < 10) {
            Thread.sleep(100);
            long now = engine.stats().spoolSyncs();
            quietRounds = now == syncs ? quietRounds + 1 : 0;
            syncs = now;
        }
        System.out.println("settled " + syncs);
        System.out.flush();
    }
}
