package dev.kafkaspool.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong command lines give exit code 2 and the usage text; unusable directories give 3. */
class SpoolToolUsageTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsIsAUsageErrorWithTheUsageText() {
        ToolResult r = ToolResult.run();
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains("Usage: java -jar kafka-spool-tool.jar"), r.toString());
        assertTrue(r.err.contains("Exit codes:"), r.toString());
    }

    @Test
    void helpPrintsTheUsageTextAndSucceeds() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"print", "--help"}}) {
            ToolResult r = ToolResult.run(args);
            assertEquals(ExitCodes.OK, r.exitCode, r.toString());
            assertTrue(r.out.contains("Usage: java -jar kafka-spool-tool.jar"), r.toString());
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrorsThatSayWhatIsWrong() {
        String d = dir.toString();
        assertUsageError("unknown command 'inspect'", "inspect", d);
        assertUsageError("the spool directory is missing", "info");
        assertUsageError("unknown option --lmit", "print", d, "--lmit", "3");
        assertUsageError("unknown option --lim", "print", d, "--lim", "3"); // no abbreviations
        assertUsageError("--headers takes no value", "print", d, "--headers=yes");
        assertUsageError("--limit needs a value", "print", d, "--limit");
        assertUsageError("--limit needs a value", "print", d, "--limit", "--headers");
        assertUsageError("--limit expects a whole number", "print", d, "--limit", "many");
        assertUsageError("--level must be one of", "print", d, "--level", "LOUD");
        assertUsageError("--since expects an ISO instant", "print", d, "--since", "yesterday");
        assertUsageError("one spool directory expected", "verify", d, d);
        assertUsageError("ship needs --bootstrap-servers", "ship", d);
        assertUsageError("--timeout expects a duration", "ship", d, "--bootstrap-servers", "k:9092", "--timeout", "x");
        assertUsageError("--producer-property expects KEY=VALUE", "ship", d, "--bootstrap-servers", "k:9092",
                "--producer-property", "acks");
    }

    @Test
    void aMissingDirectoryOrOneWithoutASpoolCannotBeUsed() throws Exception {
        ToolResult missing = ToolResult.run("info", dir.resolve("nope").toString());
        assertEquals(ExitCodes.CANNOT_OPEN, missing.exitCode, missing.toString());
        assertTrue(missing.err.contains("no such directory"), missing.toString());

        Files.writeString(dir.resolve("notes.txt"), "not a spool");
        for (String command : new String[] {"info", "print", "verify"}) {
            ToolResult r = ToolResult.run(command, dir.toString());
            assertEquals(ExitCodes.CANNOT_OPEN, r.exitCode, r.toString());
            assertTrue(r.err.contains("is not a spool directory"), r.toString());
        }
        ToolResult ship = ToolResult.run("ship", dir.toString(), "--bootstrap-servers", ToolSpools.UNREACHABLE);
        assertEquals(ExitCodes.CANNOT_OPEN, ship.exitCode, ship.toString());
        assertTrue(ship.err.contains("is not a spool directory"), ship.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "ship created nothing in a directory that is not a spool");
        }
    }

    private static void assertUsageError(String message, String... args) {
        ToolResult r = ToolResult.run(args);
        assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.contains(message), "expected '" + message + "' in " + r);
        assertTrue(r.err.contains("Usage:"), r.toString());
    }
}
