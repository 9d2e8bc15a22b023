package dev.kafkaspool.engine.spool;

import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import dev.kafkaspool.engine.shipping.TopicNames;
import dev.kafkaspool.engine.spool.chronicle.ChronicleSpool;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parked topics: topics whose records are set aside so that one destination Kafka does not
 * take (a topic that does not exist on a broker that does not create topics, a topic the client is
 * not authorised for) never stops the others. Each parked topic keeps its records in order in a
 * store of its own ({@link ParkedTopic}); they are part of the spool: counted in its bytes and
 * records, under its {@code maxBytes} and full policy ({@link CappedSpool}), kept on disk in
 * {@code parked/<topic>/} of the spool directory when the spool is on disk, and shipped first
 * by a new process. A topic leaves the set once its store is shipped.
 *
 * <p><b>Thread-safety:</b> parking, reading and shipping are the shipper thread's; the statistics,
 * {@link #isParked} and {@link #dropOldest} may be called from any thread.
 */
public final class ParkedTopics implements AutoCloseable {
    /** The spool directory's subdirectory that holds the parked topics' stores. */
    public static final String DIRECTORY = "parked";

    private static final ParkedTopic[] NONE = new ParkedTopic[0];

    private final Map<String, ParkedTopic> topics = new ConcurrentHashMap<>();
    /**
     * The map's values, replaced as a whole when a topic joins or leaves: what logging threads
     * iterate (the spool's cap check in disk durability), without an iterator per call.
     */
    private volatile ParkedTopic[] all = NONE;
    /** Where disk stores go; null when the spool is in memory. */
    private final Path root;
    private final long maxBytes;
    private final ProblemReporter problems;
    private final Ticker ticker;
    private final EncodedEvent copy = new EncodedEvent();

    public ParkedTopics(Path spoolDir, long maxBytes, ProblemReporter problems, Ticker ticker) {
        this.root = spoolDir == null ? null : spoolDir.resolve(DIRECTORY);
        this.maxBytes = maxBytes;
        this.problems = problems;
        this.ticker = ticker;
    }

    /** Reopens the stores an earlier process left with records in them; their topics are tried at once. */
    public void reopen() {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String topic = dir.getFileName().toString();
                if (!TopicNames.isValid(topic)) {
                    continue;
                }
                ChronicleSpool store = ChronicleSpool.open(dir, maxBytes);
                if (store.pendingEvents() == 0) {
                    new ParkedTopic(topic, store, dir, 0).delete(problems);
                    continue;
                }
                put(new ParkedTopic(topic, store, dir, ticker.nanos()));
                problems.info(store.pendingEvents() + " event(s) for topic " + topic + " were parked by an earlier "
                        + "run; they are shipped, in order, once Kafka takes the topic");
            }
        } catch (IOException | SpoolException e) {
            problems.warn("the parked topics in " + root + " cannot be read: " + e.getMessage()
                    + "; they stay there", e);
        }
    }

    public boolean isParked(String topic) {
        return !topics.isEmpty() && topics.containsKey(topic);
    }

    /** The parked topic, or null. */
    public ParkedTopic get(String topic) {
        return topics.isEmpty() ? null : topics.get(topic);
    }

    /**
     * Sets the topic's records aside from now on, telling why.
     *
     * @return false when it cannot be parked (a name that is no directory name, a store that cannot be
     *     opened): the caller treats it as before, as Kafka not taking events
     */
    public boolean park(String topic, String why) {
        if (!TopicNames.isValid(topic)) {
            return false;
        }
        Spool store;
        Path dir = null;
        try {
            if (root == null) {
                store = new MemorySpool("the disk spool is not available");
            } else {
                dir = root.resolve(topic);
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                store = ChronicleSpool.open(dir, maxBytes);
            }
        } catch (IOException | SpoolException e) {
            problems.warn("events for topic " + topic + " cannot be parked (" + e.getMessage() + ")", e);
            return false;
        }
        long now = ticker.nanos();
        put(new ParkedTopic(topic, store, dir, now + ParkedTopic.MIN_RETRY_NANOS));
        problems.warn("Kafka does not take events for topic " + topic + " (" + why + "); its events are parked in "
                + (dir == null ? "memory" : dir) + " and shipped in order once it does, tried again at growing "
                + "intervals; the other topics ship meanwhile", null);
        return true;
    }

    /**
     * Adds a record read from the spool to its topic's store, after those already there.
     *
     * @throws SpoolException when the store cannot write it
     */
    public void add(ParkedTopic parked, SpoolRecord r) {
        r.copyTo(copy);
        parked.store.append(r.instanceId, copy);
    }

    /** A parked topic whose records may be read now, or null. */
    public ParkedTopic due(long nowNanos) {
        for (ParkedTopic p : all) {
            if (p.isDue(nowNanos)) {
                return p;
            }
        }
        return null;
    }

    /** At stop: every parked topic is tried again at once ({@link ParkedTopic#retryNow}). */
    public void retryAllNow(long nowNanos) {
        for (ParkedTopic p : all) {
            p.retryNow(nowNanos);
        }
    }

    /** Whether a parked topic's records are being shipped ({@link ParkedTopic#isShipping}). */
    public boolean anyShipping() {
        for (ParkedTopic p : all) {
            if (p.isShipping()) {
                return true;
            }
        }
        return false;
    }

    /** Called when records of the topic left the window: a shipped store leaves the set. */
    public void checkShipped(ParkedTopic p) {
        if (p.isEmpty() && topics.remove(p.topic, p)) {
            all = topics.values().toArray(NONE);
            p.delete(problems);
            problems.info("Kafka takes events for topic " + p.topic + " again; its parked events are shipped");
        }
    }

    /** An outage abandoned everything in flight: each store is read again from its oldest record. */
    public void abandonAll() {
        long now = ticker.nanos();
        for (ParkedTopic p : all) {
            p.abandoned(now);
        }
    }

    public void maintain() {
        for (ParkedTopic p : all) {
            p.store.maintain();
        }
    }

    /** The bytes parked; asked by every log call in disk durability, so without an iterator. */
    public long pendingBytes() {
        long sum = 0;
        for (ParkedTopic p : all) {
            sum += p.store.pendingBytes();
        }
        return sum;
    }

    public long pendingEvents() {
        long sum = 0;
        for (ParkedTopic p : all) {
            sum += p.store.pendingEvents();
        }
        return sum;
    }

    /** The oldest timestamp over the stores, or -1. */
    public long oldestTimestampMillis() {
        long oldest = -1;
        for (ParkedTopic p : all) {
            long t = oldestOf(p);
            if (t >= 0 && (oldest < 0 || t < oldest)) {
                oldest = t;
            }
        }
        return oldest;
    }

    /** The parked topics' names, for status and health. */
    public String names() {
        return String.join(", ", new java.util.TreeSet<>(topics.keySet()));
    }

    /** Drops the oldest record of the store whose oldest record is oldest; see {@link Spool#dropOldest()}. */
    long dropOldest() {
        ParkedTopic oldest = null;
        long oldestMillis = Long.MAX_VALUE;
        for (ParkedTopic p : all) {
            long t = oldestOf(p);
            if (t >= 0 && t < oldestMillis) {
                oldest = p;
                oldestMillis = t;
            }
        }
        try {
            return oldest == null ? 0 : oldest.store.dropOldest();
        } catch (RuntimeException e) {
            return 0; // shipped and closed meanwhile by the shipper thread: nothing left to drop
        }
    }

    /** A store's oldest timestamp, or -1; also when the shipper thread closed it meanwhile (shipped). */
    private static long oldestOf(ParkedTopic p) {
        try {
            return p.store.oldestTimestampMillis();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** See {@link Spool#persist()}: the records closing loses (memory stores). */
    public long persist() {
        long lost = 0;
        for (ParkedTopic p : all) {
            lost += p.store.persist();
        }
        return lost;
    }

    @Override
    public void close() {
        for (ParkedTopic p : all) {
            p.store.close();
        }
    }

    private void put(ParkedTopic p) {
        topics.put(p.topic, p);
        all = topics.values().toArray(NONE);
    }
}
