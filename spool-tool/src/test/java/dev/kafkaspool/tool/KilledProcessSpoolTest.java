package dev.kafkaspool.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The spool of a process killed with -9 while logging: every event it logged is there, readable. */
@Tag("process")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KilledProcessSpoolTest {
    private static final long KILL_AFTER = 2_000;

    @TempDir
    Path work;

    @Test
    void infoPrintAndVerifyShowEveryEventAProcessKilledWithMinus9Logged() throws Exception {
        Path dir = work.resolve("spool");
        long taken = runAndKill(dir);

        ToolResult info = ToolResult.run("info", dir.toString());
        assertEquals(ExitCodes.OK, info.exitCode, info.toString());
        ToolResult print = ToolResult.run("print", dir.toString());
        assertEquals(ExitCodes.OK, print.exitCode, print.toString());
        List<Long> numbers = print.lines().stream().map(ToolSpools::numberOf).collect(Collectors.toList());
        // It went on logging until the kill landed: at least every reported event, and no gap.
        assertTrue(numbers.size() >= taken, numbers.size() + " printed, " + taken + " reported as logged");
        assertEquals(LongStream.rangeClosed(1, numbers.size()).boxed().collect(Collectors.toList()), numbers);
        assertTrue(info.out.contains("pending events:   " + numbers.size() + " ("), info.toString());
        assertTrue(info.out.contains("oldest pending:   " + java.time.Instant.ofEpochMilli(ToolSpools.BASE_MILLIS + 1)),
                info.toString());

        ToolResult verify = ToolResult.run("verify", dir.toString());
        assertEquals(ExitCodes.OK, verify.exitCode, verify.toString());
        assertTrue(verify.out.contains("clean: " + numbers.size() + " pending record(s)"), verify.toString());
    }

    /** Runs {@link LoggingChild} until it reports {@link #KILL_AFTER} events logged, kills it with -9; returns that report. */
    private long runAndKill(Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle.")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoggingChild.class.getName());
        command.add(dir.toString());
        Process child = new ProcessBuilder(command).redirectError(work.resolve("child.err").toFile()).start();
        long taken = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (taken < KILL_AFTER && (line = r.readLine()) != null) {
                if (line.startsWith("taken ")) {
                    taken = Long.parseLong(line.substring(6));
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child is gone");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(taken >= KILL_AFTER, "the child logged until killed; see " + work.resolve("child.err"));
        return taken;
    }
}
