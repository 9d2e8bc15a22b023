package dev.kafkaspool.tool;

import dev.kafkaspool.engine.LogLevel;
import dev.kafkaspool.engine.SpoolEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** info, print and verify on spools left by real engine runs: healthy, in use, and damaged. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InspectCommandsTest {
    private static final String TOPIC = "inspected";

    @TempDir
    Path dir;

    @Test
    void infoShowsThePendingEventsTheirTimesTheReadPositionAndTheFiles() {
        ToolSpools.leave(dir, TOPIC, 300);

        ToolResult r = ToolResult.run("info", dir.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r.toString());
        assertTrue(r.out.contains("pending events:   300 ("), r.toString());
        assertTrue(r.out.contains("oldest pending:   " + Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 1)), r.toString());
        assertTrue(r.out.contains("newest pending:   " + Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 300)), r.toString());
        assertTrue(r.out.contains("read position:    none"), r.toString());
        assertTrue(r.out.contains("  metadata.cq4t  "), r.toString());
        assertTrue(r.out.contains(".cq4  "), r.toString());
    }

    @Test
    void infoShowsTheParkedTopics() {
        ToolSpools.leave(dir, TOPIC, 30);
        // A parked topic's store is a spool of its own in parked/<topic>/, as the engine keeps it.
        ToolSpools.leave(dir.resolve("parked").resolve("missing-errors"), "missing-errors", 7);

        ToolResult r = ToolResult.run("info", dir.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r.toString());
        assertTrue(r.out.contains("pending events:   30 ("), r.toString());
        assertTrue(r.out.contains("parked topic:     missing-errors: 7 event(s) ("), r.toString());
    }

    @Test
    void printShowsEachPendingRecordAsStoredOldestFirst() {
        ToolSpools.leave(dir, TOPIC, 300);

        ToolResult all = ToolResult.run("print", dir.toString());
        assertEquals(ExitCodes.OK, all.exitCode, all.toString());
        assertEquals(LongStream.rangeClosed(1, 300).mapToObj(ToolSpools::json).collect(Collectors.toList()),
                all.lines());

        ToolResult limited = ToolResult.run("print", dir.toString(), "--limit", "5");
        assertEquals(List.of(ToolSpools.json(1), ToolSpools.json(2), ToolSpools.json(3), ToolSpools.json(4),
                ToolSpools.json(5)), limited.lines());
    }

    @Test
    void printFiltersByLowestLevelAndTimeRange() {
        ToolSpools.leave(dir, TOPIC, 300);

        ToolResult errors = ToolResult.run("print", dir.toString(), "--level", "error");
        assertEquals(ExitCodes.OK, errors.exitCode, errors.toString());
        List<Long> expected = LongStream.rangeClosed(1, 300)
                .filter(n -> ToolSpools.levelOf(n).compareTo(LogLevel.ERROR) >= 0).boxed().collect(Collectors.toList());
        assertEquals(expected, numbers(errors));

        ToolResult range = ToolResult.run("print", dir.toString(),
                "--since", Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 100).toString(),
                "--until=" + Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 110));
        assertEquals(LongStream.range(100, 110).boxed().collect(Collectors.toList()), numbers(range));

        ToolResult both = ToolResult.run("print", dir.toString(), "--level", "FATAL", "--limit", "2",
                "--since", Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 100).toString());
        assertEquals(List.of(101L, 107L), numbers(both));
    }

    @Test
    void printWithHeadersWrapsEachRecordWithItsEventIdTimeLevelAndTopic() {
        ToolSpools.leave(dir, TOPIC, 3);

        ToolResult r = ToolResult.run("print", dir.toString(), "--headers");
        assertEquals(ExitCodes.OK, r.exitCode, r.toString());
        assertEquals(3, r.lines().size(), r.toString());
        String first = r.lines().get(0);
        assertTrue(first.matches("\\{\"eventId\":\"[0-9a-f]{16}-1\",\"timestamp\":\""
                + Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 1) + "\",\"level\":\"DEBUG\",\"topic\":\"" + TOPIC
                + "\",\"key\":null,\"value\":\\{\"n\":1,.*}}"), first);
    }

    @Test
    void verifyOfAHealthySpoolIsClean() {
        ToolSpools.leave(dir, TOPIC, 300);

        ToolResult r = ToolResult.run("verify", dir.toString());
        assertEquals(ExitCodes.OK, r.exitCode, r.toString());
        assertTrue(r.out.contains("clean: 300 pending record(s)"), r.toString());
    }

    @Test
    void aSpoolInUseCanBeInspectedButNotShipped() {
        SpoolEngine owner = ToolSpools.start(ToolSpools.UNREACHABLE, dir);
        try {
            ToolSpools.log(owner, TOPIC, 1, 100);
            ToolResult info = ToolResult.run("info", dir.toString());
            assertEquals(ExitCodes.OK, info.exitCode, info.toString());
            assertTrue(info.out.contains("pending events:   100 ("), info.toString());
            ToolResult print = ToolResult.run("print", dir.toString(), "--limit", "1");
            assertEquals(List.of(ToolSpools.json(1)), print.lines(), print.toString());
            assertEquals(ExitCodes.OK, ToolResult.run("verify", dir.toString()).exitCode);

            ToolResult ship = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", ToolSpools.UNREACHABLE,
                    "--timeout", "5s");
            assertEquals(ExitCodes.CANNOT_OPEN, ship.exitCode, ship.toString());
            assertTrue(ship.err.contains("in use by another appender or process"), ship.toString());

            ToolSpools.log(owner, TOPIC, 101, 150);
            assertEquals(150, owner.stats().spoolEvents(), "the owner keeps spooling: " + owner.stats());
        } finally {
            assertTrue(owner.stop(Duration.ofSeconds(30)));
        }
        ToolResult after = ToolResult.run("info", dir.toString());
        assertTrue(after.out.contains("pending events:   150 ("), after.toString());
    }

    @Test
    void aDamagedRecordIsReportedByVerifyAndStopsPrintWithItsPlace() throws Exception {
        ToolSpools.leave(dir, TOPIC, 1_000);
        Path file = ToolSpools.queueFiles(dir).get(0);
        ToolSpools.damageEvent(file, 500);

        ToolResult verify = ToolResult.run("verify", dir.toString());
        assertEquals(ExitCodes.PROBLEM, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("damaged: 1000 pending record(s) read, 1 damaged"), verify.toString());
        assertTrue(verify.out.contains("first damage: pending record 500, " + file.getFileName()), verify.toString());

        ToolResult print = ToolResult.run("print", dir.toString());
        assertEquals(ExitCodes.PROBLEM, print.exitCode, print.toString());
        assertEquals(LongStream.range(1, 500).boxed().collect(Collectors.toList()), numbers(print));
        assertTrue(print.err.contains("pending record 500"), print.toString());
    }

    @Test
    void aSpoolWhereNothingIsPendingIsEmptyAndClean() {
        ToolSpools.leave(dir, TOPIC, 0);

        ToolResult info = ToolResult.run("info", dir.toString());
        assertTrue(info.out.contains("pending events:   0 ("), info.toString());
        assertTrue(info.out.contains("oldest pending:   -"), info.toString());
        assertEquals(List.of(), ToolResult.run("print", dir.toString()).lines());
        assertEquals(ExitCodes.OK, ToolResult.run("verify", dir.toString()).exitCode);
        ToolResult ship = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", ToolSpools.UNREACHABLE);
        assertEquals(ExitCodes.OK, ship.exitCode, ship.toString());
        assertTrue(ship.out.contains("nothing to ship"), ship.toString());
    }

    private static List<Long> numbers(ToolResult r) {
        return r.lines().stream().map(ToolSpools::numberOf).collect(Collectors.toList());
    }
}
