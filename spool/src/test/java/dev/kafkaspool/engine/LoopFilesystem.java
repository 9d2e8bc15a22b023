package dev.kafkaspool.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An ext4 filesystem in an image file, mounted through a loop device, for a test that cuts the
 * power. What the filesystem has written to its device is in the image file; what it holds only in
 * the page cache is not. So a copy of the image taken at some moment is the disk as a node that
 * lost power at that moment would find it: {@link #powerLossCopy} mounts one. Needs root (or
 * CAP_SYS_ADMIN) and {@code mkfs.ext4}; {@link #mount} returns null where the test cannot mount.
 */
final class LoopFilesystem implements AutoCloseable {
    private final Path image;
    private final Path mountPoint;
    private final List<LoopFilesystem> copies = new ArrayList<>();

    private LoopFilesystem(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Makes an ext4 filesystem of {@code mebibytes} in an image under {@code workDir} and mounts it. */
    static LoopFilesystem mount(Path workDir, int mebibytes) throws IOException, InterruptedException {
        Path image = workDir.resolve("disk.img");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            f.setLength((long) mebibytes << 20);
        }
        if (run("mkfs.ext4", "-q", "-F", image.toString()) != 0) {
            return null;
        }
        return mountImage(image, Files.createDirectory(workDir.resolve("mnt")));
    }

    private static LoopFilesystem mountImage(Path image, Path mountPoint) throws IOException, InterruptedException {
        if (run("mount", "-o", "loop", image.toString(), mountPoint.toString()) != 0) {
            return null;
        }
        return new LoopFilesystem(image, mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /**
     * The disk as a power loss now would leave it: a copy of what the filesystem has written to its
     * device, mounted (ext4 replays its journal, as after a reboot). Closed with this filesystem.
     */
    LoopFilesystem powerLossCopy(String name) throws IOException, InterruptedException {
        Path copy = image.resolveSibling(name + ".img");
        Files.copy(image, copy);
        LoopFilesystem mounted = mountImage(copy, Files.createDirectory(image.resolveSibling(name)));
        if (mounted == null) {
            throw new IOException("cannot mount the copy " + copy);
        }
        copies.add(mounted);
        return mounted;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (LoopFilesystem c : copies) {
            c.close();
        }
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
