package dev.kafkaspool.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An application run as a child process by tests, so that tests can kill it with -9. Arguments:
 * bootstrap servers, spool directory, durability, topic, how many events (0: until killed),
 * whether to wait until they are all in the spool, and optionally the number of the first event
 * (default 1). Prints {@code taken <n>} after each log call
 * that returned, {@code spooled <n>} once the spool holds n events, {@code diskSpool <bool>} at
 * start, then {@code property <name>=<value>} for each system property the library sets for
 * Chronicle; status messages go to standard error.
 */
public final class SpoolingApplication {
    private SpoolingApplication() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path spoolDir = Path.of(args[1]);
        Durability durability = ValueParsers.parseDurability(args[2]);
        String topic = args[3];
        long count = Long.parseLong(args[4]);
        boolean waitUntilSpooled = Boolean.parseBoolean(args[5]);
        long first = args.length > 6 ? Long.parseLong(args[6]) : 1;

        SpoolEngine engine = SpoolEngine.builder(TestConfigs.config(bootstrap, spoolDir, durability).build())
                .status(StatusListener.toStandardError()).start();
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
            while (engine.stats().spoolRecords() < count) {
                Thread.sleep(10);
            }
            System.out.println("spooled " + engine.stats().spoolRecords());
            System.out.flush();
        }
        // Waits to be killed; a test that wants an orderly stop closes standard input.
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        engine.stop(Duration.ofSeconds(5));
    }
}
