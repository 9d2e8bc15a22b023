package dev.kafkaspool.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code verify} on a spool whose files, not records, are damaged: the metadata file (which holds
 * the committed position) zeroed, emptied or deleted; the spool file emptied or deleted. Each is
 * reported, with its own exit code.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DamagedFilesVerifyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"metadata zeroed", "metadata emptied", "metadata deleted", "spool file emptied",
        "spool file deleted"})
    void verifyReportsADamagedOrMissingFile(String damage) throws Exception {
        ToolSpools.leave(dir, "orders", 200);
        Path metadata = dir.resolve("metadata.cq4t");
        Path queueFile = ToolSpools.queueFiles(dir).get(0);
        switch (damage) {
            case "metadata zeroed":
                try (RandomAccessFile f = new RandomAccessFile(metadata.toFile(), "rw")) {
                    f.write(new byte[(int) f.length()]);
                }
                break;
            case "metadata emptied":
                cut(metadata);
                break;
            case "metadata deleted":
                Files.delete(metadata);
                break;
            case "spool file emptied":
                cut(queueFile);
                break;
            default:
                Files.delete(queueFile);
        }
        ToolResult verify = ToolResult.run("verify", dir.toString());
        System.out.println(damage + ": " + verify);
        if (damage.startsWith("metadata")) {
            assertEquals(ExitCodes.CANNOT_OPEN, verify.exitCode, verify.toString());
            assertTrue(verify.err.contains("is damaged: metadata.cq4t") && verify.err.contains(
                    queueFile.getFileName().toString()), verify.toString());
        } else {
            assertEquals(ExitCodes.PROBLEM, verify.exitCode, verify.toString());
            // A deleted file: the spool's count says 200 events are missing, or Chronicle's index
            // of the file fails to be read; either is reported as damage.
            assertTrue(damage.endsWith("emptied") ? verify.out.contains(queueFile.getFileName() + " is empty")
                    : verify.out.startsWith("damaged: "), verify.toString());
        }
    }

    private static void cut(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
        }
    }
}
