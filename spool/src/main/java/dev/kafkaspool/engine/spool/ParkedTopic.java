package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.ProblemReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One parked topic: a topic Kafka does not take records for yet (it does not exist and is not
 * created automatically, or the client is not authorised for it), with its own store that keeps its
 * records in order while the other topics ship, and when to try it again. The store is a disk
 * spool in disk and memory durability alike when the spool is on disk, a memory spool when it is in
 * memory. State is the shipper thread's; the store is thread-safe.
 */
public final class ParkedTopic {
    static final long MIN_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    public final String topic;
    public final Spool store;
    /** The store's directory, or null for a memory store. */
    final Path dir;
    private long retryAtNanos;
    private long retryNanos = MIN_RETRY_NANOS;
    /** Records read from the store and in the shipper's window. */
    private int inFlight;
    /** The producer took its last record: keep reading the store. */
    private boolean flowing;

    ParkedTopic(String topic, Spool store, Path dir, long retryAtNanos) {
        this.topic = topic;
        this.store = store;
        this.dir = dir;
        this.retryAtNanos = retryAtNanos;
    }

    /** Whether its records may be read now: it is flowing, or its retry is due and nothing of it is in flight. */
    boolean isDue(long nowNanos) {
        return flowing || inFlight == 0 && nowNanos - retryAtNanos >= 0;
    }

    public boolean hasInFlight() {
        return inFlight > 0;
    }

    /** The producer took a record read from the store. */
    public void sent() {
        inFlight++;
        flowing = true;
    }

    /** A record sent from the store left the window (answered). */
    public void answered() {
        inFlight--;
    }

    /** Kafka still does not take the topic: read its records again after a growing pause. */
    public void notYet(long nowNanos) {
        store.rewind();
        flowing = false;
        retryAtNanos = nowNanos + retryNanos;
        retryNanos = Math.min(retryNanos * 2, MAX_RETRY_NANOS);
    }

    /** At stop: it is tried at once. */
    void retryNow(long nowNanos) {
        retryAtNanos = nowNanos;
    }

    /** Whether its records are being shipped: read from its store, or in flight. */
    boolean isShipping() {
        return flowing || inFlight > 0;
    }

    /** Kafka acknowledged one of its records: the next pause starts short again. */
    public void delivered() {
        retryNanos = MIN_RETRY_NANOS;
    }

    /** Everything in flight was abandoned (an outage): read again from the oldest record not shipped. */
    void abandoned(long nowNanos) {
        inFlight = 0;
        flowing = false;
        store.rewind();
        retryAtNanos = nowNanos + retryNanos;
    }

    /** Every record of it is shipped and none is in flight: the topic can leave the parked set. */
    boolean isEmpty() {
        return inFlight == 0 && store.pendingEvents() == 0;
    }

    /** Closes its store, shipped, and deletes the store's directory. */
    void delete(ProblemReporter problems) {
        store.close();
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            problems.warn("the shipped parked store " + dir + " could not be deleted: " + e, null);
        }
    }
}
