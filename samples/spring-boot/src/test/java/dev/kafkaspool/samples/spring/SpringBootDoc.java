package dev.kafkaspool.samples.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced blocks of {@code docs/spring-boot.md}, by the language named after the opening fence. */
final class SpringBootDoc {
    /** The test runs in {@code samples/spring-boot}; the doc is at the repository's root. */
    static final Path FILE = Path.of("..", "..", "docs", "spring-boot.md");

    private SpringBootDoc() {
    }

    static List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (current == null && line.equals("```" + language)) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The JVM flags of the doc's one {@code jvm-flags} block, one a line, as the application gets them. */
    static List<String> jvmFlags() throws IOException {
        List<String> blocks = blocks("text jvm-flags");
        if (blocks.size() != 1) {
            throw new AssertionError("docs/spring-boot.md has " + blocks.size() + " jvm-flags blocks, not 1");
        }
        return blocks.get(0).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
