package dev.kafkaspool.engine.shipping;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

/**
 * Chooses the partition of every record, so that the shipper knows it before the send
 * ({@link FirstBatches}): for a record with a key, where the producer's default partitioner would
 * (the key's hash); for a record without a key, from its event's id, so that a record sent
 * again (after an outage, from the spool) goes to the partition of its first attempt. Left to the
 * producer, a resent record could land in another partition behind newer records that were
 * already acknowledged there, and that partition would no longer hold its events in logging
 * order.
 *
 * <p>Runs of {@value #RUN_LENGTH} consecutive events go to one partition, as the producer's own
 * sticky partitioner would batch them; each engine instance starts its runs at a partition of its
 * own. The partition count of each topic is asked from the producer at most once every
 * {@value #ASK_INTERVAL_MICROS} µs (asking for every record took a tenth of a drain's time); the
 * producer learns of a change at its next metadata update ({@code metadata.max.age.ms}, or at
 * once after an error). A record made in between with a count that has just fallen names a
 * partition the producer no longer has: the producer refuses it at once as missing from its
 * metadata, the shipper tries it again after a pause ({@link MetadataWait}: an outage for a topic
 * the producer has written to), and by then the count is asked again.
 *
 * <p>When partitions are added, the new count applies only to runs of this engine instance that
 * come after every run it has already sent to the topic; events of runs already begun, and
 * events of other instances (left in the spool by an earlier process), keep the count they had,
 * so a copy sent again still lands in its first copy's partition. When the count falls (the topic
 * was deleted and created again with fewer partitions), the new count applies to every record:
 * the old partitions are gone, and with them what was in them. A copy sent by a later process
 * than its first copy lands by the partition count that process first saw.
 *
 * <p><b>Not thread-safe</b>: the shipper thread's.
 */
final class RecordPartitions {
    static final int RUN_LENGTH = 1024;
    static final long ASK_INTERVAL_MICROS = 1000;
    private static final int RUN_SHIFT = Integer.numberOfTrailingZeros(RUN_LENGTH);
    private static final long ASK_INTERVAL_NANOS = ASK_INTERVAL_MICROS * 1000;

    private final long ownInstanceId;
    private final Map<String, Counts> counts = new HashMap<>();

    /** @param ownInstanceId the engine instance whose events are numbered in the order they are sent */
    RecordPartitions(long ownInstanceId) {
        this.ownInstanceId = ownInstanceId;
    }

    /**
     * The partition for the event {@code (instanceId, sequence)} of a record without a key, sent at
     * {@code nowNanos} (the record's send time: {@link SendClock}).
     *
     * @throws RuntimeException what the producer throws when it has no metadata for the topic yet
     *     (with {@code max.block.ms=0} it does not wait for it); the caller treats it as a failed send
     */
    int partitionFor(Producer<byte[], byte[]> producer, String topic, long instanceId, long sequence, long nowNanos) {
        Counts known = counts(producer, topic, nowNanos);
        long ownRun = instanceId == ownInstanceId ? sequence >>> RUN_SHIFT : -1;
        long run = (sequence >>> RUN_SHIFT) + (instanceId >>> 1);
        return (int) Long.remainderUnsigned(run, known.countFor(ownRun));
    }

    /**
     * The partition for a record with {@code key}: where the producer's default partitioner puts
     * it, by the hash of the key and the topic's partition count as last asked.
     *
     * @throws RuntimeException as {@link #partitionFor}
     */
    int partitionForKey(Producer<byte[], byte[]> producer, String topic, byte[] key, long nowNanos) {
        return BuiltInPartitioner.partitionForKey(key, counts(producer, topic, nowNanos).latest());
    }

    private Counts counts(Producer<byte[], byte[]> producer, String topic, long nowNanos) {
        Counts known = counts.get(topic);
        if (known == null) {
            known = new Counts(Math.max(1, producer.partitionsFor(topic).size()), nowNanos);
            counts.put(topic, known);
        } else if (nowNanos - known.askedAtNanos >= ASK_INTERVAL_NANOS) {
            int now = producer.partitionsFor(topic).size();
            known.askedAtNanos = nowNanos;
            if (now > 0) {
                known.update(now);
            }
        }
        return known;
    }

    /**
     * The partition counts one topic had in this process: the first, and each larger one with the
     * last run of this instance sent before it. Grows by one entry per increase of the count.
     */
    private static final class Counts {
        private int[] count = new int[1];
        /** {@code lastRunBefore[i]}: runs of this instance up to it use {@code count[i - 1]}; unused for i = 0. */
        private long[] lastRunBefore = new long[1];
        private int size = 1;
        private long highestOwnRun = -1;
        /** When the producer was last asked. */
        private long askedAtNanos;

        Counts(int first, long askedAtNanos) {
            count[0] = first;
            this.askedAtNanos = askedAtNanos;
        }

        void update(int now) {
            int last = count[size - 1];
            if (now == last) {
                return;
            }
            if (now < last) {
                size = 1;
                count[0] = now;
                return;
            }
            if (size == count.length) {
                count = Arrays.copyOf(count, size * 2);
                lastRunBefore = Arrays.copyOf(lastRunBefore, size * 2);
            }
            count[size] = now;
            lastRunBefore[size] = highestOwnRun;
            size++;
        }

        int latest() {
            return count[size - 1];
        }

        /** The count for a run of this instance ({@code ownRun >= 0}) or of another instance ({@code -1}). */
        int countFor(long ownRun) {
            if (ownRun < 0) {
                return count[0];
            }
            highestOwnRun = Math.max(highestOwnRun, ownRun);
            int i = size - 1;
            while (i > 0 && ownRun <= lastRunBefore[i]) {
                i--;
            }
            return count[i];
        }
    }
}
