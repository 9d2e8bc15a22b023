package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;

/**
 * An ordered store of events that Kafka has not acknowledged yet. Records are read in the order
 * they were appended; a record is gone only once it is committed (Kafka acknowledged it) or
 * dropped to make room. Until then a {@link #rewind()} makes the reader see it again.
 *
 * <p><b>Thread-safety:</b> {@link #append}, {@link #dropOldest} and the statistics may be called
 * from any thread. {@link #read}, {@link #commit} and {@link #rewind} are called by the one
 * shipper thread only.
 */
public interface Spool extends AutoCloseable {

    /** The bytes the event takes in the spool; the unit of {@link #pendingBytes()}. */
    int storedSize(EncodedEvent event);

    /**
     * Appends the event, without checking any size cap (see {@link CappedSpool}).
     *
     * @throws SpoolException when the event could not be written
     */
    void append(long instanceId, EncodedEvent event);

    /**
     * Reads the next record after the reader's position into {@code into}.
     *
     * @return false when there is nothing more to read now
     */
    boolean read(SpoolRecord into);

    /**
     * Reads the next records, as {@link #read(SpoolRecord)} would one at a time, into the first
     * elements of {@code into}: a spool whose reads and appends share a lock takes it once for the
     * batch.
     *
     * @return how many were read; 0 when there is nothing more to read now
     */
    default int read(SpoolRecord[] into) {
        int n = 0;
        while (n < into.length && read(into[n])) {
            n++;
        }
        return n;
    }

    /** Everything read up to and including the record at {@code position} is shipped and can go. */
    void commit(long position);

    /** Moves the reader back to the oldest record not committed. */
    void rewind();

    /**
     * Removes the oldest record not in flight (read and not committed): the oldest unread one, or
     * the oldest not committed when none is in flight. A record being sent is never dropped, so it
     * is never counted both dropped and shipped. A dropped record is not read again, after a
     * {@link #rewind()} either.
     *
     * @return the bytes freed, or 0 when nothing could be dropped
     */
    long dropOldest();

    /** Bytes held by records not committed. */
    long pendingBytes();

    /** Records not committed. */
    long pendingEvents();

    /** Timestamp of the oldest record not committed, or -1 when there is none. */
    long oldestTimestampMillis();

    /**
     * Makes what it holds as durable as it can before {@link #close}, e.g. by writing records kept
     * in memory to disk. Called by the shipper thread when it stops.
     *
     * @return the records that closing loses (those only kept in memory)
     */
    long persist();

    /**
     * Work the shipper thread does for the spool on each round, so that logging threads need not:
     * the disk spool asks its filesystem for free space here. Must be cheap when there is nothing
     * to do.
     */
    default void maintain() {
    }

    /**
     * Why this spool keeps less than the configuration promises right now (e.g. events only in
     * memory), or null when it keeps all of it.
     */
    default String degradation() {
        return null;
    }

    /** What and where this spool is, for status messages. */
    String description();

    /** Releases files and memory; what is not committed stays on disk (disk spool). */
    @Override
    void close();
}
