package dev.kafkaspool.engine.spool;

import dev.kafkaspool.inspect.SpoolInspection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The spool directory: owned by one process at a time through a lock file, its files readable by
 * their owner only (log events may hold personal data). The operating system releases the lock
 * when the process dies, also after {@code kill -9}.
 *
 * <p>When {@code spoolDir} belongs to this process's user and nobody else may write to it, the
 * spool's files go straight into it (a directory the engine creates is created {@code 0700}, never
 * changed to it afterwards). A shared
 * mount, such as a Kubernetes {@code emptyDir} (created {@code 0777} by the kubelet), a volume
 * made group-writable for an {@code fsGroup}, or {@code /tmp} ({@code 1777}), is used through an
 * owner-only directory {@value #SHARED_MOUNT_DIR} that the engine creates inside it. Refused are
 * only what another user could have planted there: that directory being a link or a file, or
 * belonging to another user.
 */
public final class SpoolDirectory implements AutoCloseable {
    public static final String LOCK_FILE = "kafka-spool.lock";
    /** The owner-only directory the spool's files go into when {@code spoolDir} is a shared mount. */
    public static final String SHARED_MOUNT_DIR = "kafka-spool";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

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
    public static SpoolDirectory acquire(Path dir) {
        Path absolute = dir.toAbsolutePath();
        Path files;
        try {
            files = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? filesDirectory(absolute) : Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new SpoolException("cannot create spool directory " + absolute + ": " + e, e);
        }
        Path lockPath = files.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            channel = posix(files) ? FileChannel.open(lockPath, options,
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)) : FileChannel.open(lockPath, options);
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
            return new SpoolDirectory(files, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SpoolException("cannot lock spool directory " + absolute + ": " + e, e);
        }
    }

    /**
     * Where a spool's files are for a {@code spoolDir}, for readers that do not own it (the spool
     * tool): the owner-only directory inside it when the spool was kept there, else itself.
     */
    public static Path filesOf(Path spoolDir) {
        Path inner = spoolDir.resolve(SHARED_MOUNT_DIR);
        return !Files.exists(spoolDir.resolve(SpoolInspection.METADATA_FILE)) && Files.isDirectory(inner)
                ? inner : spoolDir;
    }

    /**
     * Creates one directory that only its owner may read, write or enter, with that mode from the
     * moment it exists (no window in which another user could open it); a filesystem without POSIX
     * permissions gets a plain directory.
     *
     * @throws java.nio.file.FileAlreadyExistsException when something of that name exists
     */
    public static Path createOwnerOnly(Path dir) throws IOException {
        return posix(dir.getParent()) ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createDirectory(dir);
    }

    private static boolean posix(Path existing) throws IOException {
        return Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    /** The directory itself when it is private to this user, else the owner-only one inside it. */
    private static Path filesDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            // Each directory it creates, parents included, is owner-only from the start.
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
        UserPrincipal user = ProcessUser.of(dir);
        if (attributes.owner().equals(user) && !writableByOthers(attributes.permissions())) {
            requireWritable(dir);
            return dir;
        }
        Path inner = dir.resolve(SHARED_MOUNT_DIR);
        if (!Files.exists(inner, LinkOption.NOFOLLOW_LINKS)) {
            requireWritable(dir);
            try {
                createOwnerOnly(inner);
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile: checked below like any other.
            }
        }
        PosixFileAttributes own = Files.readAttributes(inner, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!own.isDirectory()) {
            throw new SpoolException("spool directory " + dir + " is shared (" + describe(attributes) + "), and "
                    + inner + ", where the spool keeps its files in a shared directory, is not a directory but "
                    + (own.isSymbolicLink() ? "a link" : "a file") + "; remove it, or use a spoolDir of this "
                    + "user's own", null);
        }
        if (!own.owner().equals(user)) {
            throw new SpoolException("spool directory " + dir + " is shared (" + describe(attributes) + "), and "
                    + inner + ", where the spool keeps its files in a shared directory, belongs to user "
                    + own.owner().getName() + ", not to this process's user " + user.getName()
                    + "; run as that user, or use a spoolDir of this user's own", null);
        }
        if (!own.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(inner, OWNER_ONLY);
        }
        requireWritable(inner);
        return inner;
    }

    private static boolean writableByOthers(Set<PosixFilePermission> permissions) {
        return permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static String describe(PosixFileAttributes attributes) {
        return PosixFilePermissions.toString(attributes.permissions()) + ", owner " + attributes.owner().getName();
    }

    private static void requireWritable(Path dir) {
        if (!Files.isWritable(dir)) {
            throw new SpoolException("spool directory " + dir + " is not writable by this process", null);
        }
    }

    public Path path() {
        return dir;
    }

    /**
     * Makes a file in the spool directory readable and writable by its owner only (log events may
     * hold personal data). The directory is already owner-only; this guards files copied out of it.
     * Filesystems without POSIX permissions are left alone.
     */
    public static void ownerOnly(Path file) {
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
