package dev.kafkaspool.engine.spool.chronicle;

import java.nio.file.Path;

/**
 * The committed position: the index of the last record Kafka acknowledged, a memory-mapped long in
 * the queue's metadata file, so a new process resumes right after it. The spool files before the
 * one that holds it are deleted as soon as it leaves them: everything in them is shipped.
 *
 * <p><b>Not thread-safe</b>: used under the spool's lock.
 */
final class CommittedPosition implements AutoCloseable {
    private static final long NONE = 0;

    private final Path dir;
    private final QueueFiles queue;
    private final QueueFiles.StoredLong committed;
    private int cleanedBelowCycle;

    CommittedPosition(Path dir, QueueFiles queue) {
        this.dir = dir;
        this.queue = queue;
        this.committed = queue.storedLong(ChronicleSpool.COMMITTED_ID);
    }

    long get() {
        return committed.get();
    }

    /**
     * Moves the committed position to {@code index} for a drop, which leaves deleting the file it
     * leaves to the shipper's next round ({@link #deleteLeftFiles}); when two or more are left, the
     * shipper's thread has not run and they are deleted here, so the files on disk stay within
     * {@link FileRoll#mostOnDisk}.
     */
    void set(long index) {
        committed.set(index);
        if (QueueFiles.CYCLES.toCycle(index) > cleanedBelowCycle + 1) {
            deleteCommittedFiles();
        }
    }

    /** Moves the committed position to {@code index}, and deletes the files it leaves. */
    void advanceTo(long index) {
        committed.set(index);
        deleteLeftFiles();
    }

    /** Deletes the files the committed position has left since the last deletion, moved by {@link #set} too. */
    void deleteLeftFiles() {
        long c = committed.get();
        if (c > NONE && QueueFiles.CYCLES.toCycle(c) > cleanedBelowCycle) {
            deleteCommittedFiles();
        }
    }

    /** Moves a cursor to the first record after the committed one. */
    void positionAfter(QueueFiles.Cursor cursor) {
        cursor.moveAfter(committed.get());
    }

    /** Deletes the files before the one that holds the committed record: everything in them is shipped. */
    void deleteCommittedFiles() {
        long c = committed.get();
        if (c <= NONE) {
            return;
        }
        int cycle = QueueFiles.CYCLES.toCycle(c);
        boolean deleted = SpoolFiles.deleteBefore(dir, cycle);
        cleanedBelowCycle = cycle;
        if (deleted) {
            queue.refreshDirectoryListing();
        }
    }

    @Override
    public void close() {
        committed.close();
    }
}
