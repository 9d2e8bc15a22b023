package dev.kafkaspool.engine.spool.chronicle;

import dev.kafkaspool.config.ValueParsers;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.spool.SpoolException;
import dev.kafkaspool.engine.spool.SpoolRecordCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes records at the end of the disk spool's queue: encodes each event, refuses it when the
 * filesystem has no room left above its reserve, and after a write that faulted part-way (its
 * file may be damaged) writes no more. Part of {@link ChronicleSpool}.
 *
 * <p><b>Not thread-safe</b>: used under the spool's lock.
 */
final class RecordWriter implements AutoCloseable {
    private final Path dir;
    private final QueueFiles.Appender appender;
    private final DiskSpace space;
    private final WriterProgress progress;
    private final FileRoll roll;
    private final SpoolRecordCodec codec = SpoolRecordCodec.create();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);
    /** A write faulted part-way: the spool file is damaged and this process must not write to it again. */
    private String damage;

    RecordWriter(Path dir, QueueFiles.Appender appender, DiskSpace space, WriterProgress progress, FileRoll roll) {
        this.dir = dir;
        this.appender = appender;
        this.space = space;
        this.progress = progress;
        this.roll = roll;
    }

    /** The bytes the event takes as a record. */
    int storedSize(EncodedEvent event) {
        return codec.encodedSize(event);
    }

    /**
     * Appends the event as a record; returns its size.
     *
     * @throws SpoolException when there is no room, or the write failed or failed before
     */
    int append(long instanceId, EncodedEvent event) {
        if (damage != null) {
            throw new SpoolException(damage, null);
        }
        int size = codec.encodedSize(event);
        if (!space.hasRoomFor(size)) {
            throw new SpoolException("no room on the filesystem of the spool in " + dir + " ("
                    + ValueParsers.formatSize(space.lastUsableBytes()) + " usable, "
                    + ValueParsers.formatSize(DiskSpace.RESERVE_BYTES) + " kept free)", null);
        }
        if (scratch.capacity() < size) {
            scratch = ByteBuffer.allocate(Math.max(size, scratch.capacity() * 2));
        }
        scratch.clear();
        codec.encode(instanceId, event, scratch);
        try {
            long end = appender.append(scratch.array(), size);
            int cycle = appender.cycle(); // the cycle after the write: it may have rolled
            progress.written(cycle, end);
            roll.writerAt(cycle, end);
        } catch (RuntimeException | Error e) { // NOPMD: a fault in a mapped file surfaces as InternalError
            damage = "a write to the spool in " + dir + " failed part-way (" + e + "); its file may be damaged, "
                    + "so this process writes no more to it";
            throw new SpoolException(damage, e);
        }
        return size;
    }

    /** Appends a record copied, as it is, out of the damaged files of the spool this one replaces. */
    void copy(byte[] buffer, int size) {
        if (!space.hasRoomFor(size)) {
            throw new SpoolException("no room on the filesystem of the spool in " + dir
                    + " to copy the readable events out of its damaged files", null);
        }
        appender.append(buffer, size);
    }

    /** Creates the current roll cycle's file ahead of the first write; see {@link QueueFiles.Appender#createCurrentFile()}. */
    void createCurrentFile() {
        appender.createCurrentFile();
    }

    /** The cycle of the file last written to. */
    int cycle() {
        return appender.cycle();
    }

    @Override
    public void close() {
        appender.close();
    }
}
