package dev.kafkaspool.samples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fenced code block of the README or a page in {@code docs/}, with the marker comment on the line
 * before it, if any: {@code <!-- file: PATH -->}, {@code <!-- excerpt: PATH -->},
 * {@code <!-- json: PATH -->} or {@code <!-- pom -->}.
 */
record DocBlock(Path page, int line, String language, String marker, String path, String text) {
    static final Path ROOT = Path.of("..");
    private static final Pattern FENCE = Pattern.compile("^```([a-z]*)$");
    private static final Pattern MARKER = Pattern.compile("^<!-- (file|excerpt|json|pom)(?:: (\\S+))? -->$");

    /** The README and every page in {@code docs/}. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Every fenced block of a page, top-level fences only (indented ones belong to list items). */
    static List<DocBlock> of(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<DocBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            StringBuilder text = new StringBuilder();
            for (String l : lines.subList(i + 1, Math.min(end, lines.size()))) {
                text.append(l).append('\n');
            }
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : MARKER.matcher("");
            boolean marked = marker.matches();
            blocks.add(new DocBlock(page, i + 1, open.group(1), marked ? marker.group(1) : null,
                    marked ? marker.group(2) : null, text.toString()));
            i = end;
        }
        return blocks;
    }

    /** Whether this block shows a configuration or a record, which a test must load. */
    boolean showsConfiguration() {
        return List.of("xml", "properties", "yaml", "yml", "json").contains(language);
    }

    String where() {
        return ROOT.relativize(page).toString().replace('\\', '/') + ":" + line;
    }
}
