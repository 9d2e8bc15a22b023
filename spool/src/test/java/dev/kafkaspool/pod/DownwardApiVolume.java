package dev.kafkaspool.pod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a downward API volume the way the kubelet does: each version in a new hidden directory
 * {@code ..<timestamp>}, then the {@code ..data} link swapped to it by an atomic rename, with
 * {@code labels -> ..data/labels} links that never change, then the old directory removed.
 */
public final class DownwardApiVolume {
    private final Path dir;
    private int version;
    private Path current;

    public DownwardApiVolume(Path dir) {
        this.dir = dir;
    }

    /** Publishes a new version holding exactly these files (name to content). */
    public void publish(Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            version++;
            Path next = dir.resolve(String.format("..2026_11_21_10_00_%02d.%09d", version, version));
            Files.createDirectory(next);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(next.resolve(file.getKey()), file.getValue());
            }
            Path tmpLink = dir.resolve("..data_tmp");
            Files.createSymbolicLink(tmpLink, next.getFileName());
            Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            for (String name : files.keySet()) {
                Path link = dir.resolve(name);
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, Path.of("..data", name));
                }
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path link : entries.filter(Files::isSymbolicLink).toList()) {
                    String name = link.getFileName().toString();
                    if (!name.startsWith("..") && !files.containsKey(name)) {
                        Files.delete(link);
                    }
                }
            }
            if (current != null) {
                deleteTree(current);
            }
            current = next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
