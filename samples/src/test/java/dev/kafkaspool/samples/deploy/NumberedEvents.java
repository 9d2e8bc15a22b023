package dev.kafkaspool.samples.deploy;

import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application as simple as they come, run in a child JVM by the deployment tests: logs
 * {@code event 1} to {@code event N} through SLF4J, prints {@code logged N}, and then ends as the
 * second argument says, without ever stopping its logging framework: {@code return} from
 * {@code main}, {@code exit} through {@code System.exit(0)}, or {@code hold} until it is signalled
 * or killed.
 */
public final class NumberedEvents {
    private static final Logger LOG = LoggerFactory.getLogger(NumberedEvents.class);

    private NumberedEvents() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        String ending = args[1];
        for (int i = 1; i <= count; i++) {
            LOG.info("event {}", i);
        }
        System.out.println("logged " + count);
        System.out.flush();
        switch (ending) {
            case "return":
                return;
            case "exit":
                System.exit(0);
                break;
            case "hold":
                while (true) {
                    LockSupport.park();
                }
            default:
                throw new IllegalArgumentException("unknown ending " + ending);
        }
    }
}
