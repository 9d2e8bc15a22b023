package dev.kafkaspool.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The spool directory: created owner-only (it holds application logs), refused when anyone may
 * write to it, and owned by one process at a time through a lock file. The operating system
 * releases the lock when the process dies, also after {@code kill -9}.
 */
final class SpoolDirectory implements AutoCloseable {
    static final String LOCK_FILE = "kafka-spool.lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private SpoolDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and takes ownership of it.
     *
     * @throws SpoolException naming the directory and what is wrong
     */
    static SpoolDirectory acquire(Path dir) {
        Path absolute = dir.toAbsolutePath();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(absolute)) {
                if (posix) {
                    Files.createDirectories(absolute,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(absolute);
                }
            }
            if (posix) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(absolute);
                if (perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    throw new SpoolException("spool directory " + absolute + " is writable by every user ("
                            + PosixFilePermissions.toString(perms) + "); use a directory only this user can "
                            + "write, e.g. chmod 700", null);
                }
            }
            if (!Files.isWritable(absolute)) {
                throw new SpoolException("spool directory " + absolute + " is not writable by this process", null);
            }
        } catch (IOException e) {
            throw new SpoolException("cannot create spool directory " + absolute + ": " + e, e);
        }
        Path lockPath = absolute.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new SpoolException("spool directory " + absolute + " is in use by another appender or process"
                        + owner + "; give each appender and each process its own spoolDir", null);
            }
            ownerOnly(lockPath);
            byte[] pid = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            return new SpoolDirectory(absolute, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SpoolException("cannot lock spool directory " + absolute + ": " + e, e);
        }
    }

    Path path() {
        return dir;
    }

    /**
     * Makes a file in the spool directory readable and writable by its owner only (log events may
     * hold personal data). The directory is already owner-only; this guards files copied out of it.
     * Filesystems without POSIX permissions are left alone.
     */
    static void ownerOnly(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // The directory's permissions still protect it.
        }
    }

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(lockChannel);
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = channel.read(buf, 0);
            return n > 0 ? " (" + new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim() + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to do.
            }
        }
    }
}
