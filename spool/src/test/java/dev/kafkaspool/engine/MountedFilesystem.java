package dev.kafkaspool.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small filesystem mounted for a test: a tmpfs of a few MiB, so a spool can really fill its
 * filesystem ({@link #tmpfs}), or an ext4 filesystem in an image file mounted through a loop device,
 * for a test that cuts the power ({@link #ext4Image}). Of the latter, what the filesystem has written
 * to its device is in the image file; what it holds only in the page cache is not. So a copy of the
 * image taken at some moment is the disk as a node that lost power at that moment would find it:
 * {@link #powerLossCopy} mounts one.
 *
 * <p>Mounting needs root (or CAP_SYS_ADMIN), and an image {@code mkfs.ext4}; where the test cannot
 * mount, {@link #tmpfs} and {@link #ext4Image} return null.
 */
final class MountedFilesystem implements AutoCloseable {
    private final Path mountPoint;
    /** The image file of a loop-mounted filesystem; null for a tmpfs. */
    private final Path image;
    /** Whether closing deletes the mount point (a temporary directory made for it). */
    private final boolean deleteMountPoint;
    private final List<MountedFilesystem> copies = new ArrayList<>();

    private MountedFilesystem(Path mountPoint, Path image, boolean deleteMountPoint) {
        this.mountPoint = mountPoint;
        this.image = image;
        this.deleteMountPoint = deleteMountPoint;
    }

    /** Mounts a tmpfs of {@code mebibytes} on a new temporary directory. */
    static MountedFilesystem tmpfs(int mebibytes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kafka-spool-smallfs");
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0700", "tmpfs", dir.toString());
        if (exit != 0) {
            Files.delete(dir);
            return null;
        }
        return new MountedFilesystem(dir, null, true);
    }

    /** Makes an ext4 filesystem of {@code mebibytes} in an image under {@code workDir} and mounts it. */
    static MountedFilesystem ext4Image(Path workDir, int mebibytes) throws IOException, InterruptedException {
        Path image = workDir.resolve("disk.img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength((long) mebibytes << 20);
        }
        if (run("mkfs.ext4", "-q", "-F", image.toString()) != 0) {
            return null;
        }
        return mountImage(image, Files.createDirectory(workDir.resolve("mnt")));
    }

    private static MountedFilesystem mountImage(Path image, Path mountPoint) throws IOException, InterruptedException {
        if (run("mount", "-o", "loop", image.toString(), mountPoint.toString()) != 0) {
            return null;
        }
        return new MountedFilesystem(mountPoint, image, false);
    }

    /** Whether this process runs as root (user id 0), where mounting must work. */
    static boolean runsAsRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    Path path() {
        return mountPoint;
    }

    long usableBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /**
     * The disk as a power loss now would leave it: a copy of what the filesystem has written to its
     * device, mounted (ext4 replays its journal, as after a reboot). Closed with this filesystem.
     */
    MountedFilesystem powerLossCopy(String name) throws IOException, InterruptedException {
        if (image == null) {
            throw new IllegalStateException("a tmpfs has no device to copy");
        }
        Path copy = image.resolveSibling(name + ".img");
        Files.copy(image, copy);
        MountedFilesystem mounted = mountImage(copy, Files.createDirectory(image.resolveSibling(name)));
        if (mounted == null) {
            throw new IOException("cannot mount the copy " + copy);
        }
        copies.add(mounted);
        return mounted;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (MountedFilesystem c : copies) {
            c.close();
        }
        run("umount", "-l", mountPoint.toString());
        if (deleteMountPoint) {
            Files.deleteIfExists(mountPoint);
        }
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
