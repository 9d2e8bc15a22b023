package dev.kafkaspool.benchmarks.endtoend;

import dev.kafkaspool.testbroker.KafkaBroker;
import java.time.Duration;

/**
 * Reads what arrived in a topic once the application has stopped. A read that finds fewer events
 * than were logged is repeated every 3 s while it finds more than the read before, for at most
 * 30 s, so a broker that is still settling after its restart, or records still on their way,
 * do not count as lost.
 */
final class SettledRead {
    private static final Duration PAUSE = Duration.ofSeconds(3);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private SettledRead() {
    }

    static ArrivalCount of(KafkaBroker broker, String topic, long logged) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        ArrivalCount latest = ArrivalCount.of(broker.consumeAll(topic, Duration.ofSeconds(60)), logged);
        long previousRecords = -1;
        while (latest.arrived() < logged && totalRecords(latest) > previousRecords
                && System.nanoTime() - deadline < 0) {
            previousRecords = totalRecords(latest);
            Thread.sleep(PAUSE.toMillis());
            latest = ArrivalCount.of(broker.consumeAll(topic, Duration.ofSeconds(60)), logged);
        }
        return latest;
    }

    private static long totalRecords(ArrivalCount count) {
        return count.arrived() + count.duplicates() + count.unknown();
    }
}
