package dev.kafkaspool.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;

/**
 * Chooses the partition of a record without a key from its event's id, so that a record sent
 * again (after an outage, from the spool) goes to the partition of its first attempt. Left to the
 * producer, a resent record could land in another partition behind newer records that were
 * already acknowledged there, and that partition would no longer hold its events in logging
 * order.
 *
 * <p>Runs of {@value #RUN_LENGTH} consecutive events go to one partition, as the producer's own
 * sticky partitioner would batch them; each engine instance starts its runs at a partition of its
 * own. The partition count of each topic is asked from the producer once a minute (a topic may
 * grow). <b>Not thread-safe</b>: the shipper thread's.
 */
final class KeylessPartitions {
    static final int RUN_LENGTH = 1024;
    private static final int RUN_SHIFT = Integer.numberOfTrailingZeros(RUN_LENGTH);
    private static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Per topic: {partition count, when it was asked}. */
    private final Map<String, long[]> counts = new HashMap<>();

    /**
     * The partition for the event {@code (instanceId, sequence)} of a record without a key.
     *
     * @throws RuntimeException what the producer throws when it has no metadata for the topic yet
     *     (with {@code max.block.ms=0} it does not wait for it); the caller treats it as a failed send
     */
    int partitionFor(Producer<byte[], byte[]> producer, String topic, long instanceId, long sequence, long nowNanos) {
        long[] known = counts.get(topic);
        if (known == null || nowNanos - known[1] >= RECHECK_NANOS) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            if (known == null) {
                known = new long[2];
                counts.put(topic, known);
            }
            known[0] = Math.max(1, partitions.size());
            known[1] = nowNanos;
        }
        long run = (sequence >>> RUN_SHIFT) + (instanceId >>> 1);
        return (int) Long.remainderUnsigned(run, known[0]);
    }
}
