package dev.kafkaspool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drops are reported on the status channel once per reason, then at growing intervals, and at
 * stop whatever was dropped since the last report: a process that ends within an interval still
 * says how many events it dropped.
 */
class DropReportsTest {
    private final EngineCounters counters = new EngineCounters();
    private final ManualTicker ticker = new ManualTicker();
    private final RecordingStatus status = new RecordingStatus();
    private final ProblemReporter problems = new ProblemReporter("test", status, counters, ticker);

    private void drop(DropReason reason, int count) {
        for (int i = 0; i < count; i++) {
            counters.dropped(reason);
            problems.dropped(reason);
        }
    }

    @Test
    void dropsWithinAnIntervalAreReportedAtStop() {
        drop(DropReason.SPOOL_FULL, 1);
        drop(DropReason.SPOOL_FULL, 499);
        ticker.advance(1, TimeUnit.SECONDS);
        assertEquals(1, status.warnings().size(), "one report within the interval: " + status.warnings());

        problems.droppedSinceLastReport();

        List<String> warnings = status.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("dropped 1 event(s), reason spoolFull"), warnings.get(0));
        assertTrue(warnings.get(1).contains("dropped 499 event(s), reason spoolFull")
                && warnings.get(1).contains("500 dropped for this reason since start"), warnings.get(1));
    }

    @Test
    void nothingMoreIsSaidAtStopWhenEveryDropWasReported() {
        drop(DropReason.QUEUE_FULL, 1);

        problems.droppedSinceLastReport();

        assertEquals(1, status.warnings().size(), status.warnings().toString());
    }
}
