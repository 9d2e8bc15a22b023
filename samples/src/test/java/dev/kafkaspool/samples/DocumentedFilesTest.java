package dev.kafkaspool.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every code block in the README marked {@code <!-- file: PATH -->} is that file of the
 * repository, verbatim: the configurations the README shows are the ones the tests load.
 */
class DocumentedFilesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesMarkedBlocksAreTheFilesTheyName() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = MARKED_BLOCK.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            Path file = ROOT.resolve(m.group(1));
            assertTrue(Files.isRegularFile(file), "README.md names " + m.group(1) + ", which does not exist");
            assertEquals(Files.readString(file), m.group(2), "README.md's copy of " + m.group(1));
            blocks++;
        }
        assertTrue(blocks >= 2, "the README's quick starts are marked with the files they show: " + blocks);
    }
}
