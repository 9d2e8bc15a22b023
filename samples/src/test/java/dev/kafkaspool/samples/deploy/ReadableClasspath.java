package dev.kafkaspool.samples.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a class path that any user may read, for a JVM run as another user than the build's
 * (the local Maven repository is often in a home directory only its owner may enter).
 */
final class ReadableClasspath {

    private ReadableClasspath() {
    }

    static String copyOf(String classpath, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> copied = new ArrayList<>();
        int i = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = into.resolve((i++) + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = target.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            } else {
                Files.copy(source, target);
            }
            copied.add(target.toString());
        }
        return String.join(File.pathSeparator, copied);
    }
}
