package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A spool in memory, used when the disk spool cannot be opened (missing JVM flags, unwritable or
 * locked directory). It keeps order and the same accounting as the disk spool, but a stopped or
 * killed process loses it. Bounded by the {@link CappedSpool} around it.
 */
public final class MemorySpool implements Spool {
    private final Object lock = new Object();
    /** Read and not committed, oldest first; all older than everything in {@link #unread}. */
    private final ArrayDeque<Entry> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Entry> unread = new ArrayDeque<>();
    private final SpoolRecordCodec writeCodec = SpoolRecordCodec.create();
    private final SpoolRecordCodec readCodec = SpoolRecordCodec.create();
    private final String reason;
    private long nextPosition = 1;
    /** Changed under the lock; read without it (a logging thread's cap check, the statistics). */
    private volatile long pendingBytes;

    private static final class Entry {
        final long position;
        final byte[] bytes;

        Entry(long position, byte[] bytes) {
            this.position = position;
            this.bytes = bytes;
        }
    }

    public MemorySpool(String reason) {
        this.reason = reason;
    }

    @Override
    public String degradation() {
        return reason + "; events waiting for Kafka are kept in memory and lost if the process stops";
    }

    @Override
    public int storedSize(EncodedEvent event) {
        return writeCodec.encodedSize(event); // the codec's size keeps nothing: no lock
    }

    @Override
    public void append(long instanceId, EncodedEvent event) {
        synchronized (lock) {
            ByteBuffer buf = ByteBuffer.allocate(writeCodec.encodedSize(event));
            writeCodec.encode(instanceId, event, buf);
            unread.addLast(new Entry(nextPosition++, buf.array()));
            pendingBytes += buf.capacity();
        }
    }

    @Override
    public boolean read(SpoolRecord into) {
        synchronized (lock) {
            Entry e = unread.pollFirst();
            if (e == null) {
                return false;
            }
            inFlight.addLast(e);
            readCodec.decode(ByteBuffer.wrap(e.bytes), into);
            into.position = e.position;
            return true;
        }
    }

    @Override
    public void commit(long position) {
        synchronized (lock) {
            while (!inFlight.isEmpty() && inFlight.peekFirst().position <= position) {
                pendingBytes -= inFlight.removeFirst().bytes.length;
            }
        }
    }

    @Override
    public void rewind() {
        synchronized (lock) {
            while (!inFlight.isEmpty()) {
                unread.addFirst(inFlight.removeLast());
            }
        }
    }

    @Override
    public long dropOldest() {
        synchronized (lock) {
            Entry e = unread.pollFirst();
            if (e == null) {
                return 0;
            }
            pendingBytes -= e.bytes.length;
            return e.bytes.length;
        }
    }

    @Override
    public long pendingBytes() {
        return pendingBytes;
    }

    @Override
    public long pendingEvents() {
        synchronized (lock) {
            return inFlight.size() + unread.size();
        }
    }

    @Override
    public long oldestTimestampMillis() {
        synchronized (lock) {
            Entry e = !inFlight.isEmpty() ? inFlight.peekFirst() : unread.peekFirst();
            return e == null ? -1 : SpoolRecordCodec.timestampOf(ByteBuffer.wrap(e.bytes), 0);
        }
    }

    /** Records read and not committed yet: the shipper is sending them. */
    long readRecords() {
        synchronized (lock) {
            return inFlight.size();
        }
    }

    @Override
    public long persist() {
        return pendingEvents();
    }

    @Override
    public String description() {
        return "memory spool (" + reason + ")";
    }

    @Override
    public void close() {
        // Nothing to release; what is left is counted by the engine when it stops.
    }
}
