package dev.kafkaspool.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every configuration block of {@code docs/migration.md} is a file the tests load, character for
 * character: each {@code xml} block follows a line {@code <!-- file: <path in the repository> -->},
 * and every file under {@code logback/migration/} is shown.
 */
class MigrationDocTest {
    private static final String MARKER = "<!-- file: ";

    @Test
    void everyConfigurationBlockEqualsTheFileTheTestsLoad() throws IOException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path root = module.getParent();
        List<String> lines = Files.readAllLines(root.resolve("docs/migration.md"));
        Set<String> shown = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```xml")) {
                continue;
            }
            String marker = i > 0 ? lines.get(i - 1) : "";
            assertTrue(marker.startsWith(MARKER) && marker.endsWith(" -->"), "block at line " + (i + 1)
                    + " names no file: " + marker);
            String path = marker.substring(MARKER.length(), marker.length() - 4);
            List<String> block = new ArrayList<>();
            for (i++; !lines.get(i).equals("```"); i++) {
                block.add(lines.get(i));
            }
            assertEquals(Files.readString(root.resolve(path)), String.join("\n", block) + "\n", path);
            shown.add(root.resolve(path).getFileName().toString());
        }
        try (Stream<Path> files = Files.list(module.resolve("src/test/resources/logback/migration"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)),
                    shown);
        }
    }
}
