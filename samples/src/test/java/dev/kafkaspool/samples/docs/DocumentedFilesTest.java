package dev.kafkaspool.samples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Every configuration and record the README and the pages in {@code docs/} show is a file of the
 * repository that the tests load: a block marked {@code <!-- file: PATH -->} is that file verbatim;
 * {@code <!-- excerpt: PATH -->} is a run of that file's lines (indentation aside); {@code
 * <!-- json: PATH -->} is the same JSON as that file (a golden record, indented for reading);
 * {@code <!-- pom -->} is a dependency snippet naming published artifacts at the release version.
 * A configuration block with none of these fails the test.
 */
class DocumentedFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

    @Test
    void everyConfigurationBlockIsAFileTheTestsLoad() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : DocBlock.pages()) {
            for (DocBlock block : DocBlock.of(page)) {
                if (block.marker() == null) {
                    if (block.showsConfiguration()) {
                        problems.add(block.where() + ": a " + block.language()
                                + " block with no file, excerpt, json or pom marker");
                    }
                    continue;
                }
                String problem = check(block);
                if (problem != null) {
                    problems.add(block.where() + ": " + problem);
                }
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 20, "marked blocks found in the README and docs/: " + checked);
    }

    @Test
    void theFrontPageShowsTheQuickStartsAsFiles() throws IOException {
        long files = DocBlock.of(DocBlock.ROOT.resolve("README.md")).stream()
                .filter(b -> "file".equals(b.marker())).count();
        assertTrue(files >= 2, "the README's quick starts are marked with the files they show: " + files);
    }

    @Test
    void anExcerptMustBeARunOfTheFilesLines() {
        assertTrue(isExcerpt("b\n  c\n", "a\nb\nc\nd\n"));
        assertTrue(!isExcerpt("b\nd\n", "a\nb\nc\nd\n"), "lines that are not next to each other");
        assertTrue(!isExcerpt("b\nx\n", "a\nb\nc\n"), "a line the file does not have");
    }

    private static String check(DocBlock block) throws IOException {
        if (block.marker().equals("pom")) {
            return checkPom(block.text());
        }
        Path file = DocBlock.ROOT.resolve(block.path());
        if (!Files.isRegularFile(file)) {
            return "names " + block.path() + ", which does not exist";
        }
        String content = Files.readString(file);
        switch (block.marker()) {
            case "file":
                return content.equals(block.text()) ? null : "differs from " + block.path();
            case "excerpt":
                return isExcerpt(block.text(), content) ? null : "is not a run of lines of " + block.path();
            default:
                return JSON.readTree(content).equals(JSON.readTree(block.text()))
                        ? null : "is not the JSON of " + block.path();
        }
    }

    /** The block's lines, stripped, are consecutive stripped lines of the file. */
    static boolean isExcerpt(String block, String file) {
        List<String> want = block.strip().lines().map(String::strip).toList();
        List<String> have = file.lines().map(String::strip).toList();
        for (int start = 0; start + want.size() <= have.size(); start++) {
            if (have.subList(start, start + want.size()).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static String checkPom(String snippet) throws IOException {
        String parent = Files.readString(DocBlock.ROOT.resolve("pom.xml"));
        Matcher v = VERSION.matcher(parent);
        v.find();
        String release = v.group(1).replace("-SNAPSHOT", "");
        String bom = Files.readString(DocBlock.ROOT.resolve("bom/pom.xml"));
        Matcher a = ARTIFACT.matcher(snippet);
        while (a.find()) {
            String artifact = a.group(1);
            if (!artifact.equals("kafka-spool-bom") && !bom.contains("<artifactId>" + artifact + "</artifactId>")) {
                return artifact + " is not a published artifact (the BOM does not manage it)";
            }
        }
        Matcher versions = VERSION.matcher(snippet);
        while (versions.find()) {
            if (!versions.group(1).equals(release)) {
                return "version " + versions.group(1) + " is not the release version " + release;
            }
        }
        return null;
    }
}
