package dev.kafkaspool.releasecheck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central requires of each published module, and what this project promises of its
 * jars, read from the POMs and from the files a {@code -Prelease} build left in each module's
 * {@code target/}. Every problem is collected, then the test fails naming all of them.
 */
class ReleaseArtifactsTest {

    /** A published module: its directory, artifact id, packaging and Automatic-Module-Name (jars only). */
    record Published(String dir, String artifactId, String moduleName) {
        boolean isJar() {
            return moduleName != null;
        }
    }

    static final List<Published> PUBLISHED = List.of(
            new Published(".", "kafka-spool-parent", null),
            new Published("bom", "kafka-spool-bom", null),
            new Published("spool", "kafka-spool", "dev.kafkaspool.engine"),
            new Published("appender-logback", "kafka-spool-logback", "dev.kafkaspool.logback"),
            new Published("appender-log4j2", "kafka-spool-log4j2", "dev.kafkaspool.log4j2"),
            new Published("spring-boot", "kafka-spool-spring-boot", "dev.kafkaspool.spring"),
            new Published("spool-tool", "kafka-spool-tool", "dev.kafkaspool.tool"));

    /** Elements Central requires, each in the module's POM or inherited from a parent in this repository. */
    static final List<String> INHERITABLE = List.of(
            "url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
            "scm/connection", "scm/developerConnection", "scm/url", "issueManagement/url");

    static final Path ROOT = Path.of(System.getProperty("kafkaspool.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("kafkaspool.version", "0.1.0-SNAPSHOT");

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyPublishedPomHasWhatCentralRequires() throws Exception {
        for (Published module : PUBLISHED) {
            Document pom = read(ROOT.resolve(module.dir()).resolve("pom.xml"));
            String where = module.dir() + "/pom.xml";
            check(module.artifactId().equals(text(pom, "artifactId")), where + ": artifactId is not " + module.artifactId());
            check(!text(pom, "name").isBlank(), where + ": no <name>");
            check(!text(pom, "description").isBlank(), where + ": no <description>");
            for (String path : INHERITABLE) {
                check(!inherited(module.dir(), path).isBlank(), where + ": no <" + path + ">, own or inherited");
            }
        }
        report();
    }

    @Test
    void everyPublishedJarHasSourcesJavadocAndAModuleName() throws Exception {
        for (Published module : PUBLISHED) {
            if (!module.isJar()) {
                continue;
            }
            Path target = ROOT.resolve(module.dir()).resolve("target");
            String base = module.artifactId() + "-" + VERSION;
            Path jar = target.resolve(base + ".jar");
            Path sources = target.resolve(base + "-sources.jar");
            Path javadoc = target.resolve(base + "-javadoc.jar");
            if (!exists(jar) | !exists(sources) | !exists(javadoc)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                String name = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                check(module.moduleName().equals(name),
                        jar.getFileName() + ": Automatic-Module-Name is " + name + ", not " + module.moduleName());
                check(file.getEntry("META-INF/LICENSE") != null, jar.getFileName() + ": no META-INF/LICENSE");
                check(file.getEntry("META-INF/NOTICE") != null, jar.getFileName() + ": no META-INF/NOTICE");
            }
            try (JarFile file = new JarFile(sources.toFile())) {
                check(file.stream().anyMatch(e -> e.getName().endsWith(".java")), sources.getFileName() + ": no .java file");
            }
            try (JarFile file = new JarFile(javadoc.toFile())) {
                check(file.getEntry("index.html") != null, javadoc.getFileName() + ": no index.html");
            }
        }
        report();
    }

    @Test
    void theBomManagesEveryPublishedJarAndAgreesWithTheParent() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        check(VERSION.equals(text(bom, "version")), "bom/pom.xml: version " + text(bom, "version") + ", not " + VERSION);
        for (String path : INHERITABLE) {
            check(text(parent, path).equals(text(bom, path)), "bom/pom.xml: <" + path + "> differs from the parent's");
        }
        Set<String> managed = new TreeSet<>();
        for (Element dependency : elements(bom.getDocumentElement(), "dependencyManagement/dependencies/dependency")) {
            String classifier = child(dependency, "classifier");
            managed.add(child(dependency, "artifactId") + (classifier.isEmpty() ? "" : ":" + classifier));
            check("${project.version}".equals(child(dependency, "version")),
                    "bom/pom.xml: " + child(dependency, "artifactId") + " is not at ${project.version}");
        }
        Set<String> expected = new TreeSet<>(Set.of("kafka-spool-log4j2:flink"));
        PUBLISHED.stream().filter(Published::isJar).forEach(m -> expected.add(m.artifactId()));
        check(managed.equals(expected), "bom/pom.xml manages " + managed + ", not " + expected);
        // The BOM has no parent: the plugin versions its release profile names must be the parent's.
        Map<String, String> plugins = Map.of(
                "maven-gpg-plugin", "gpg-plugin.version",
                "central-publishing-maven-plugin", "central-publishing-plugin.version");
        for (Element plugin : elements(bom.getDocumentElement(), "profiles/profile/build/plugins/plugin")) {
            String property = plugins.get(child(plugin, "artifactId"));
            if (property != null) {
                check(text(parent, "properties/" + property).equals(child(plugin, "version")),
                        "bom/pom.xml: " + child(plugin, "artifactId") + " " + child(plugin, "version")
                                + ", the parent's " + property + " is " + text(parent, "properties/" + property));
            }
        }
        report();
    }

    @Test
    void everyOtherModuleIsNotDeployed() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Set<String> modules = new LinkedHashSet<>();
        for (Element module : elements(parent.getDocumentElement(), "modules/module")) {
            modules.add(module.getTextContent().trim());
        }
        for (Element module : elements(parent.getDocumentElement(), "profiles/profile/modules/module")) {
            modules.add(module.getTextContent().trim());
        }
        Set<String> excluded = new TreeSet<>();
        for (Element artifact : elements(parent.getDocumentElement(),
                "profiles/profile/build/plugins/plugin/configuration/excludeArtifacts/artifact")) {
            excluded.add(artifact.getTextContent().trim());
        }
        for (String dir : modules) {
            if (PUBLISHED.stream().anyMatch(p -> p.dir().equals(dir))) {
                continue;
            }
            Document pom = read(ROOT.resolve(dir).resolve("pom.xml"));
            check("true".equals(text(pom, "properties/maven.deploy.skip")), dir + "/pom.xml: maven.deploy.skip is not true");
            boolean ourParent = "kafka-spool-parent".equals(text(pom, "parent/artifactId"));
            check(!ourParent || excluded.contains(text(pom, "artifactId")),
                    dir + ": " + text(pom, "artifactId") + " is not in the release profile's excludeArtifacts");
        }
        report();
    }

    @Test
    void theFlinkJarRelocatesEveryClassOfWhatItRelocates() throws Exception {
        Document log4j2 = read(ROOT.resolve("appender-log4j2/pom.xml"));
        List<String> moved = new ArrayList<>();
        for (Element relocation : elements(log4j2.getDocumentElement(),
                "build/plugins/plugin/executions/execution/configuration/relocations/relocation")) {
            String pattern = child(relocation, "pattern");
            if (!pattern.startsWith("META-INF/")) {
                moved.add(pattern.replace('.', '/') + "/");
            }
        }
        check(moved.contains("com/fasterxml/jackson/"), "the Flink jar no longer relocates Jackson");
        Path jar = ROOT.resolve("appender-log4j2/target/kafka-spool-log4j2-" + VERSION + "-flink.jar");
        if (exists(jar)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                int versioned = 0;
                for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                    String name = entry.getName();
                    if (!name.endsWith(".class")) {
                        continue;
                    }
                    String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
                    if (!path.equals(name) && path.startsWith("dev/kafkaspool/shaded/")) {
                        versioned++;
                    }
                    for (String prefix : moved) {
                        check(!path.startsWith(prefix), jar.getFileName() + ": " + name + " was not relocated");
                    }
                }
                check(versioned > 0, jar.getFileName() + ": no relocated class under META-INF/versions/");
                check("true".equals(file.getManifest().getMainAttributes().getValue("Multi-Release")),
                        jar.getFileName() + ": not Multi-Release");
                ZipEntry license = file.getEntry("META-INF/LICENSE");
                check(license != null && new String(file.getInputStream(license).readAllBytes())
                                .equals(Files.readString(ROOT.resolve("LICENSE"))),
                        jar.getFileName() + ": META-INF/LICENSE is not the project's");
                ZipEntry notice = file.getEntry("META-INF/NOTICE");
                String own = String.join("\n", Files.readAllLines(ROOT.resolve("NOTICE")).subList(0, 2));
                check(notice != null && new String(file.getInputStream(notice).readAllBytes()).contains(own),
                        jar.getFileName() + ": META-INF/NOTICE lacks the project's");
            }
        }
        report();
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private boolean exists(Path file) throws IOException {
        boolean ok = Files.isRegularFile(file) && Files.size(file) > 0;
        check(ok, ROOT.relativize(file) + " is missing: build with mvn -B -Prelease verify");
        return ok;
    }

    private void report() {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    /** The element at {@code path} in the module's POM, else in its parent's, up the relative paths. */
    private static String inherited(String dir, String path) throws Exception {
        Path pomFile = ROOT.resolve(dir).resolve("pom.xml").normalize();
        while (Files.isRegularFile(pomFile)) {
            Document pom = read(pomFile);
            String value = text(pom, path);
            if (!value.isBlank() || !"dev.kafkaspool".equals(text(pom, "parent/groupId"))) {
                return value;
            }
            String relative = text(pom, "parent/relativePath");
            Path parent = pomFile.getParent().resolve(relative.isEmpty() ? "../pom.xml" : relative);
            pomFile = (Files.isDirectory(parent) ? parent.resolve("pom.xml") : parent).normalize();
        }
        return "";
    }

    private static Document read(Path pom) throws Exception {
        assertTrue(Files.isRegularFile(pom), pom + " is missing");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Document pom, String path) {
        List<Element> found = elements(pom.getDocumentElement(), path);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    private static String child(Element element, String name) {
        List<Element> found = elements(element, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    /** The elements at a slash-separated path of child element names below {@code from}. */
    private static List<Element> elements(Element from, String path) {
        List<Element> current = List.of(from);
        for (String name : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element element : current) {
                for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                        next.add((Element) node);
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
